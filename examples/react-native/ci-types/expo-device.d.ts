// See react-native.d.ts: the part of `expo-device` this example uses.
export const isDevice: boolean;
