import { createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { done, teasers } from '../data.js';
import { ArticlePage } from '../react/components.js';
import { BIO, PHOTO } from '../shared.js';

const root = createRoot(document.getElementById('root')!);
flushSync(() => root.render(h(ArticlePage, { teasers: teasers(8), photo: PHOTO, bio: BIO })));
void document.body.offsetHeight;
done(performance.now());
