// tachometer imports `chromedriver` before it starts Chrome through Selenium, and would install the
// npm package of that name (whose install script downloads a driver) if none resolved. This stands in
// for it: Selenium finds Debian's driver (`apt-get install chromium-driver`) on PATH, and bench/run.mjs
// puts /usr/bin first there.
module.exports = { path: '/usr/bin/chromedriver' };
