// This plugin has no dashboard extensions yet; `medusa plugin:build` bundles this folder and needs it present.
export {}
