// See react-native.d.ts: the part of `@react-native-async-storage/async-storage` this example uses.
declare const AsyncStorage: {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
};
export default AsyncStorage;
