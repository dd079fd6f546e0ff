// See react-native.d.ts: the part of `expo` this example uses.
import type { ComponentType } from 'react';

export function registerRootComponent(component: ComponentType): void;
