// natural's package entry reads a .env file and writes to stdout, so only the stemmer module
// is imported; this gives that deep import the type natural declares for it.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  import type { Stemmer } from 'natural/lib/natural/stemmers';

  const PorterStemmer: Stemmer;
  export default PorterStemmer;
}
