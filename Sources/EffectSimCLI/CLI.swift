import EffectSim
