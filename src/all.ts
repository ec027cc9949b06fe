/** Registers every Gazette element. This is the CDN bundle's entry. */
export * from './index.js';
import './components/reading-time/reading-time.js';
import './components/author-card/author-card.js';
import './components/author-list/author-list.js';
import './components/article-header/article-header.js';
import './components/article-body/article-body.js';
import './components/teaser/teaser.js';
import './components/teaser-list/teaser-list.js';
import './components/subscribe-button/subscribe-button.js';
