/** Registers every Gazette element. This is the CDN bundle's entry. */
export * from './index.js';
import './components/reading-time/reading-time.js';
import './components/subscribe-button/subscribe-button.js';
