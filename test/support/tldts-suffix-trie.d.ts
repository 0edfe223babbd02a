// The types of tldts's own suffix lookup, for its ES module (which ships its types elsewhere).
declare module 'tldts/dist/es6/src/suffix-trie.js' {
  export { default } from 'tldts/dist/types/src/suffix-trie';
}
