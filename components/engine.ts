// What the popup loads only when a tab has errors to explain: the engine (~45 kB gzipped of gateway knowledge),
// the report builder and the views that use them. Most popups open on healthy tabs and never load this.
export { TabDetails } from './popup/TabDetails';
