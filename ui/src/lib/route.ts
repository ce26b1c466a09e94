// Where the main pane is. The shell owns the current route; screens move
// between each other through `navigate`.
export type Route =
  | { screen: 'today' }
  | { screen: 'person'; personId: string; fullHistory?: boolean }
  | { screen: 'prepare'; personId: string }
  | { screen: 'session'; meetingId: string }
  | { screen: 'templates' }
  | { screen: 'settings' };

export type Navigate = (route: Route) => void;
