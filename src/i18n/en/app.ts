export const app = {
  name: 'Waymark',
  tagline: 'Customer journey maps your team owns',
  language: 'Language',
  languages: { en: 'English', de: 'Deutsch' },
  library: {
    heading: 'Start a journey map',
    intro: 'Pick a template to begin. Each one is a complete journey you can adapt: stages, personas, touchpoints, an emotion curve, pain points and opportunities.',
    templateLanguage: 'Template language',
    stats: '{{stages}} stages · {{lanes}} lanes · {{cards}} cards · {{personas}} personas',
    download: 'Download map file',
    downloadHint: 'Saves the map as a .waymark.json file you can keep in git and check with "npx waymark validate".',
  },
  templates: {
    retail: 'Retail purchase, online and in store',
    saas: 'SaaS trial to renewal',
    service: 'Service appointment and repair',
    blank: 'Blank map with the standard lanes',
  },
};
