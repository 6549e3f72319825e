export { contextPresets, splitPresetNames, UnknownPresetError, withClusterContext } from './cluster-context';
export { PRESET_NAMES, PRESETS, type ContextPreset } from './presets';
