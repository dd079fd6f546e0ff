export { type ChatPort, ChatView, type ChatViewOptions } from './ChatView';
export { mountWidget, type WidgetOptions } from './mountWidget';
export { widgetStyles } from './widgetStyles';
