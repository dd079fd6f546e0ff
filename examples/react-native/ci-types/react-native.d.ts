// The part of React Native's API this example uses, for type-checking it in Parley's CI without
// installing React Native (see tsconfig.ci.json). Shapes follow react-native 0.81's own types.
import type { ComponentType, ReactElement, ReactNode, Ref } from 'react';

export type ViewStyle = Record<string, unknown>;
export type TextStyle = Record<string, unknown>;
type StyleProp<T> = T | readonly (T | false | null | undefined)[] | false | null | undefined;

interface AccessibilityProps {
  accessible?: boolean;
  accessibilityLabel?: string;
  accessibilityRole?: 'button' | 'header' | 'text' | 'alert' | 'none';
  accessibilityLiveRegion?: 'none' | 'polite' | 'assertive';
  testID?: string;
}

export interface ViewProps extends AccessibilityProps {
  style?: StyleProp<ViewStyle>;
  children?: ReactNode;
}
export const View: ComponentType<ViewProps>;
export const SafeAreaView: ComponentType<ViewProps>;

export interface TextProps extends AccessibilityProps {
  style?: StyleProp<TextStyle>;
  numberOfLines?: number;
  children?: ReactNode;
}
export const Text: ComponentType<TextProps>;

export interface PressableProps extends AccessibilityProps {
  onPress?: () => void;
  disabled?: boolean;
  style?: StyleProp<ViewStyle>;
  children?: ReactNode;
}
export const Pressable: ComponentType<PressableProps>;

export interface TextInputProps extends AccessibilityProps {
  value?: string;
  placeholder?: string;
  onChangeText?: (text: string) => void;
  onSubmitEditing?: () => void;
  returnKeyType?: 'send' | 'done' | 'go';
  autoCapitalize?: 'none' | 'sentences';
  style?: StyleProp<TextStyle>;
}
export const TextInput: ComponentType<TextInputProps>;

export interface FlatListProps<T> extends ViewProps {
  data: readonly T[] | null | undefined;
  renderItem: (info: { item: T; index: number }) => ReactElement | null;
  keyExtractor?: (item: T, index: number) => string;
  contentContainerStyle?: StyleProp<ViewStyle>;
  ListEmptyComponent?: ReactElement | null;
  onContentSizeChange?: () => void;
  onScrollToIndexFailed?: (info: { index: number }) => void;
  ref?: Ref<FlatListHandle>;
}
export interface FlatListHandle {
  scrollToEnd(options?: { animated?: boolean }): void;
  scrollToIndex(options: { index: number; animated?: boolean; viewPosition?: number }): void;
}
export function FlatList<T>(props: FlatListProps<T>): ReactElement | null;

export const ActivityIndicator: ComponentType<ViewProps & { size?: 'small' | 'large' }>;

export interface KeyboardAvoidingViewProps extends ViewProps {
  behavior?: 'height' | 'position' | 'padding';
}
export const KeyboardAvoidingView: ComponentType<KeyboardAvoidingViewProps>;

export const Platform: {
  OS: 'ios' | 'android' | 'web' | 'windows' | 'macos';
  select<T>(choices: { ios?: T; android?: T; default?: T }): T | undefined;
};

export type AppStateStatus = 'active' | 'background' | 'inactive' | 'unknown' | 'extension';
export const AppState: {
  currentState: AppStateStatus;
  addEventListener(type: 'change', listener: (state: AppStateStatus) => void): { remove(): void };
};

export const StyleSheet: {
  create<T extends Record<string, ViewStyle | TextStyle>>(styles: T): T;
  hairlineWidth: number;
};
