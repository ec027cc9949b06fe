import 'gazette/preload.css';
import '../../src/all.js';
import { done, gazetteRendered } from '../data.js';

await gazetteRendered();
void document.body.offsetHeight;
done(performance.now());
