using System;

namespace OpenRan.Phy.Upper.Detection;

/// <summary>The outcome of a discontinuous-transmission (DTX) test on reference signals.</summary>
/// <param name="SignalPresent">Whether the reference signal was detected: <paramref name="Metric"/> ≥ <paramref name="Threshold"/>.
/// False means DTX ("nothing there"), also for silent (all-zero), subnormal or erased input.</param>
/// <param name="Metric">The coherent share of the reference energy, C/E in 0..1 (noise alone: Beta(G, D), mean G/(G + D)).</param>
/// <param name="Threshold">The threshold for the detector's false-alarm probability at (G, D).</param>
/// <param name="NoiseVariance">The noise variance per RE estimated from the residuals, (E − C)/D (0 when D = 0).</param>
/// <param name="SignalEnergyPerRe">The reference signal energy per RE with the noise removed, max(0, C − G·σ̂²)/(number of REs).</param>
/// <param name="GroupCount">G: the groups added.</param>
/// <param name="ResidualDegrees">D: Σ (M_g − 1), the complex degrees of freedom of the noise estimate.</param>
public readonly record struct DtxDecision(bool SignalPresent, float Metric, float Threshold, float NoiseVariance, float SignalEnergyPerRe, int GroupCount, int ResidualDegrees)
{
    /// <summary>The reference-signal SNR per RE in dB estimated from the same REs (−∞ when no signal energy remains).</summary>
    public float SnrDb => NoiseVariance > 0 ? 10f * MathF.Log10(SignalEnergyPerRe / NoiseVariance) : float.PositiveInfinity;
}
