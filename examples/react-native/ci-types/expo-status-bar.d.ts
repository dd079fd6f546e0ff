// See react-native.d.ts: the part of `expo-status-bar` this example uses.
import type { ComponentType } from 'react';

export const StatusBar: ComponentType<{ style?: 'auto' | 'light' | 'dark' }>;
