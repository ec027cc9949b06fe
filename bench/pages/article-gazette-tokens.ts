import '../../src/styles/tokens.css';
import '../../src/all.js';
import { done, gazetteRendered } from '../data.js';

await gazetteRendered();
void document.body.offsetHeight;
done(performance.now());
