// Every icon the screens draw, as SVG: an emoji or symbol glyph shows as an empty
// box on a machine without a font that has it. One module names them all, so a
// label table can say which icon goes with which words without importing
// components (a type import), and the bundle holds only the icons listed here.
import type { Component } from 'svelte';
import type { LucideProps } from '@lucide/svelte';
import ArrowDown from '@lucide/svelte/icons/arrow-down';
import ArrowUp from '@lucide/svelte/icons/arrow-up';
import Check from '@lucide/svelte/icons/check';
import ChevronDown from '@lucide/svelte/icons/chevron-down';
import ChevronRight from '@lucide/svelte/icons/chevron-right';
import Circle from '@lucide/svelte/icons/circle';
import CircleCheck from '@lucide/svelte/icons/circle-check';
import CircleX from '@lucide/svelte/icons/circle-x';
import ClockAlert from '@lucide/svelte/icons/clock-alert';
import Contrast from '@lucide/svelte/icons/contrast';
import Heading from '@lucide/svelte/icons/heading';
import List from '@lucide/svelte/icons/list';
import ListChecks from '@lucide/svelte/icons/list-checks';
import ListOrdered from '@lucide/svelte/icons/list-ordered';
import Minus from '@lucide/svelte/icons/minus';
import PartyPopper from '@lucide/svelte/icons/party-popper';
import Pencil from '@lucide/svelte/icons/pencil';
import Square from '@lucide/svelte/icons/square';
import SquareCheck from '@lucide/svelte/icons/square-check';
import TrendingUp from '@lucide/svelte/icons/trending-up';
import TriangleAlert from '@lucide/svelte/icons/triangle-alert';
import X from '@lucide/svelte/icons/x';

export const ICONS = {
  'arrow-down': ArrowDown,
  'arrow-up': ArrowUp,
  check: Check,
  'chevron-down': ChevronDown,
  'chevron-right': ChevronRight,
  circle: Circle,
  'circle-check': CircleCheck,
  'circle-x': CircleX,
  'clock-alert': ClockAlert,
  contrast: Contrast,
  heading: Heading,
  list: List,
  'list-checks': ListChecks,
  'list-ordered': ListOrdered,
  minus: Minus,
  'party-popper': PartyPopper,
  pencil: Pencil,
  square: Square,
  'square-check': SquareCheck,
  'trending-up': TrendingUp,
  'triangle-alert': TriangleAlert,
  x: X,
} satisfies Record<string, Component<LucideProps>>;

export type IconName = keyof typeof ICONS;

export const ICON_NAMES = Object.keys(ICONS) as IconName[];

/** A colour from the theme's tokens, for an icon that should stand out from its words. */
export type Tone = 'success' | 'warning' | 'danger';

/** Words with the icon drawn before them. The words alone carry the meaning. */
export interface Marked {
  icon: IconName | null;
  tone: Tone | null;
  text: string;
}

