/** Files for a whole team space (issue 16): exporting a space as one zip, importing one as a new space, and `waymark space validate`. */
export const spaceFiles = {
  export: {
    button: 'Export space',
    hint: 'Download every map of this space that this device holds, with the persona library, as one zip file',
    busy: 'Exporting…',
    failed: 'The space could not be exported: {{reason}}',
  },
  import: {
    hint: 'Recreate a team space from a space export (.waymark-space.zip)',
    orRecreate: '…or recreate one from an export',
    busy: 'Importing the space…',
    invalid: 'This file cannot be imported as a team space; nothing was changed:',
    more_one: '…and {{count}} more problem.',
    more_other: '…and {{count}} more problems.',
    offline: 'The server cannot be reached. A team space needs it once, to be created; nothing was changed. Try again when you are online.',
    failed: 'The space could not be imported: {{reason}}',
    done_one: 'Imported “{{name}}” as a new team space with {{count}} map.',
    done_other: 'Imported “{{name}}” as a new team space with {{count}} maps.',
  },
  cli: {
    usage: `  waymark space validate <file.waymark-space.zip>
      Checks a space export; prints the space's name, maps, cards and personas, or each
      problem as "file: path: reason" on standard error.`,
    missingFile: 'Name the space export to check (a .waymark-space.zip file).',
    unknownSubcommand: 'Unknown space command "{{command}}". Use: waymark space validate <file>.',
    summary: `ok: space "{{name}}"
maps: {{maps}}
cards: {{cards}}
personas: {{personas}}`,
  },
};
