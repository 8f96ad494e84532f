/** The class that scopes the design tokens; set RETOUR_THEME_CLASS at build time to use another theme. */
export const themeClass: string =
  (import.meta.env.RETOUR_THEME_CLASS as string | undefined) || 'voorbeeld-theme';
