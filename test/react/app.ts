/**
 * The React 19 test app of `scripts/check-react.mjs`: every Gazette React component with typed
 * props (type-checked with the project), rendered with `react-dom/client`. The check bundles it
 * against the built `gazette/react`.
 */
import { createElement as h, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import {
  GzArticleBody,
  GzArticleHeader,
  GzAuthorCard,
  GzAuthorList,
  GzReadingTime,
  REACT_EVENTS,
} from '../../src/react/index.js';

function App(): ReactElement {
  const [minutes, setMinutes] = useState(4);
  return h(
    'article',
    { lang: 'de' },
    h(
      GzArticleHeader,
      { section: 'Politik', published: '2024-11-17T15:03:00Z', timeZone: 'Europe/Berlin', noReadingTime: true },
      h('h1', null, 'Netzausbau im Norden stockt'),
    ),
    h(GzArticleBody, {
      id: 'body',
      html: '<h2>Aus React</h2><p>Text <img alt="" onerror="window.__pwned = true"></p>',
    }),
    h(GzReadingTime, { id: 'rt', fixedMinutes: minutes }),
    h('button', { id: 'more', type: 'button', onClick: () => setMinutes((m) => m + 1) }, 'mehr'),
    h(
      GzAuthorList,
      null,
      h(GzAuthorCard, { name: 'Virgil Zólyom', jobTitle: 'Landeskorrespondent' }),
      h(GzAuthorCard, { name: 'Anna Berg', layout: 'compact' }),
    ),
  );
}

(window as unknown as { __reactEvents: unknown }).__reactEvents = REACT_EVENTS;
createRoot(document.getElementById('root')!).render(h(App));
