// Entry point of the browser code shared by all pages. Each feature module enhances the elements that
// opt in through data attributes, so pages work without JavaScript and get better with it.
import { startSystemStatus } from './system-status.js';

startSystemStatus(document);
