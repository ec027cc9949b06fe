/**
 * The pure parts of feed reading: dates, text out of summary HTML, the forgiving XML reader, and
 * feed reading under Trusted Types (no DOMParser, which is a sink).
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { parseFeedDate } from '../src/components/teaser-list/feed-dates.js';
import {
  decodeEntities,
  entityCount,
  firstImage,
  htmlToText,
  lazySource,
} from '../src/components/teaser-list/feed-text.js';
import { parseXml, textOf, type XmlElement } from '../src/components/teaser-list/feed-xml.js';
import { fetchFeed, parseXmlFeed } from '../src/components/teaser-list/feed.js';

describe('feed dates', () => {
  const cases: [string, string | undefined][] = [
    ['Tue, 17 Feb 2026 09:30:00 +0100', '2026-02-17T09:30:00+01:00'],
    ['Fri, 20 Feb 2015 09:51:15 UTC', '2015-02-20T09:51:15Z'],
    ['Sat, 7 Mar 2015 8:05:00 EST', '2015-03-07T08:05:00-05:00'],
    ['Sunday, 08 March 2015 10:00:00 PST', '2015-03-08T10:00:00-08:00'],
    ['Mon, 09 Mar 15 22:30:00 -0500', '2015-03-09T22:30:00-05:00'],
    ['Thu, 01 Jan 98 00:00:00 GMT', '1998-01-01T00:00:00Z'],
    ['Thursday, March 12, 2015 9:00 AM EDT', '2015-03-12T09:00:00-04:00'],
    ['12 Mar 2015 12:30 PM CET', '2015-03-12T12:30:00+01:00'],
    ['17 Feb 2026 09:30 GMT', '2026-02-17T09:30:00Z'],
    ['17 Feb 2026', '2026-02-17T00:00:00Z'],
    ['2015-03-10T14:20:00-04:00', '2015-03-10T14:20:00-04:00'],
    ['2015-03-11T06:00+01:00', '2015-03-11T06:00:00+01:00'],
    ['2026-02-04T14:03:11.512Z', '2026-02-04T14:03:11.512Z'],
    ['2026-02-04 14:03:11 +0100', '2026-02-04T14:03:11+01:00'],
    ['2026-01-31', '2026-01-31'],
    ['2026-02', '2026-02-01'],
    ['last Friday', undefined],
    ['Tue, 17 Foo 2026 09:30:00 +0100', undefined],
    ['31 Feb 2026 10:00 GMT', undefined],
    ['2026-13-01', undefined],
    ['17 Feb 2026 25:00 GMT', undefined],
    ['17 Feb 2026 10:00 XYZ', undefined],
    ['', undefined],
  ];
  for (const [input, output] of cases)
    it(`reads "${input}"`, () => {
      expect(parseFeedDate(input)).to.equal(output);
    });
  it('gives what <gz-teaser> reads: every result parses as a date', () => {
    for (const [, output] of cases) if (output) expect(Number.isNaN(Date.parse(output)), output).to.equal(false);
  });
});

describe('feed text', () => {
  it('knows the 96 Latin-1 names and the common typographic ones', () => {
    expect(entityCount()).to.equal(96 + 42);
    expect(decodeEntities('&eacute;&nbsp;&yuml;&hellip;&euro;&#150;&#x24;&#0;&unknown;&amp;lt;')).to.equal(
      'é\u00a0ÿ…€–$\ufffd&unknown;&lt;',
    );
  });
  it('separates blocks, drops script and style text, decodes once', () => {
    expect(htmlToText('<p>...contempt</p><p>Donald said<br>no</p>')).to.equal('...contempt Donald said no');
    expect(htmlToText('<p>a</p><script>track("<p>")</script><style>p{}</style><p>b</p>')).to.equal('a b');
    expect(htmlToText('&amp;lt;b&amp;gt; &lt;b&gt;bold&lt;/b&gt;')).to.equal('&lt;b&gt; <b>bold</b>');
    expect(htmlToText('x < y and <a title=">">link</a>')).to.equal('x < y and link');
    expect(htmlToText('<!-- c --><![CDATA[kept]]> <sup>2</sup>nd')).to.equal('kept 2nd');
    expect(htmlToText('plain   text')).to.equal('plain text');
  });
  it('is linear on hostile markup (100,000 unclosed quotes)', () => {
    const input = '<a "'.repeat(100_000);
    const started = performance.now();
    htmlToText(input);
    const ratio =
      (performance.now() - started) /
      Math.max(
        1,
        measure(() => htmlToText('<a>x</a>'.repeat(100_000))),
      );
    expect(ratio).to.be.below(20);
  });
  it('finds the first content image, promoting lazy-load sources and skipping pixels', () => {
    expect(
      firstImage(
        '<img src="p.gif" width="1" height="1"><img src="data:image/gif;base64,x" data-src="/a.jpg" width="800">',
      ),
    ).to.deep.equal({
      src: '/a.jpg',
      width: 800,
      alt: undefined,
    });
    expect(firstImage('<script><img src="no.jpg"></script><p>no image</p>')).to.equal(undefined);
    expect(lazySource({ src: 'real.jpg', 'data-src': 'lazy.jpg' })).to.equal('real.jpg');
    expect(lazySource({ src: 'data:x', 'data-lazy-src': 'b.jpg' })).to.equal('b.jpg');
    expect(lazySource({ src: 'data:x' })).to.equal(undefined);
  });
});

function measure(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('forgiving XML reader', () => {
  const child = (el: XmlElement, local: string) =>
    el.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === local)!;
  it('reads what strict parsers refuse and counts what it forgave', () => {
    const report = { recovered: 0 };
    const root = parseXml(
      '\ufeff \n<?xml version="1.0"?><rss><channel><item><title>A&nbsp;B</title><x:y>z</x:y></item><item><title>C</item><item><title>D</title></bogus></item></channel></rss>',
      report,
    );
    const channel = child(root, 'channel');
    const items = channel.children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(items.map((item) => textOf(child(item, 'title')))).to.deep.equal(['A\u00a0B', 'C', 'D']);
    expect(child(items[0]!, 'y').ns).to.equal('undeclared:x');
    expect(report.recovered).to.equal(3);
  });
  it('resolves namespaces by declaration, not by prefix', () => {
    const root = parseXml('<a xmlns="urn:a" xmlns:p="urn:p"><p:b/><b xmlns="urn:c"/><q:b xmlns:q="urn:a"/></a>');
    expect(root.children.map((c) => (c as XmlElement).ns)).to.deep.equal(['urn:p', 'urn:c', 'urn:a']);
  });
  it('refuses a DOCTYPE with entity declarations, reads one without', () => {
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>')).to.throw(/entities/);
    expect(
      textOf(parseXml('<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd"><rss>&eacute;</rss>')),
    ).to.equal('é');
    expect(textOf(parseXml('<r><![CDATA[<!DOCTYPE html>]]></r>'))).to.equal('<!DOCTYPE html>');
  });
  it('bounds nesting and survives 100,000 levels', () => {
    const root = parseXml('<rss>' + '<x>'.repeat(100_000) + 'deep');
    expect(textOf(root)).to.equal('deep');
  });
  it('resolves relative links under nested xml:base', () => {
    const items = parseXmlFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/de/"><entry xml:base="a/"><title>T</title><link href="b.html"/></entry></feed>',
      'https://example.org/feed.xml',
    );
    expect(items[0]!.url).to.equal('https://example.org/de/a/b.html');
  });
});

describe('feed reading without DOMParser (Trusted Types)', () => {
  it('reads RSS and Atom without DOMParser, the sink that Trusted Types closes', async () => {
    const spy = sinon.spy(DOMParser.prototype, 'parseFromString');
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'";
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      // An iframe with the policy in force: DOMParser there refuses a string, fetchFeed does not need it.
      const doc = frame.contentDocument!;
      doc.open();
      doc.close();
      doc.head.append(meta);
      const FrameParser = (frame.contentWindow as unknown as { DOMParser: typeof DOMParser }).DOMParser;
      expect(() => new FrameParser().parseFromString('<rss/>', 'application/xml')).to.throw();
      for (const file of ['national.rss', 'reddit.atom']) {
        const body = await (await fetch(`/test/corpus/feeds/${file}`)).text();
        const fetcher = (async () =>
          new Response(body, { headers: { 'content-type': 'application/xml' } })) as typeof fetch;
        const items = await fetchFeed(`https://example.org/${file}`, {
          signal: new AbortController().signal,
          timeout: 5000,
          maxBytes: 2 ** 20,
          fetcher,
        });
        expect(items.length, file).to.be.greaterThan(1);
      }
      expect(spy.callCount).to.equal(0);
    } finally {
      spy.restore();
      frame.remove();
    }
  });
});
