// The demo page registers every element, as a publisher's one-tag embed would.
import '../src/all.js';
