import { createContext } from '@lit/context';

/**
 * The element whose text is the article's body. `<gz-article-body>` provides it to its
 * descendants; `<gz-reading-time>` consumes it. The key is a registered symbol, so two copies of
 * Gazette on one page still find each other.
 */
export const articleBodyContext = createContext<Element | undefined>(Symbol.for('gazette.article-body'));
