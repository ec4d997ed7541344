namespace OpenRan.Phy.Upper.Equalization;

/// <summary>Linear equalizer algorithms.</summary>
public enum EqualizerAlgorithm
{
    /// <summary>Zero forcing: x̂ = (HᴴH)⁻¹Hᴴy, post-equalization noise σ²·[(HᴴH)⁻¹]_vv.</summary>
    ZeroForcing,

    /// <summary>
    /// Unbiased MMSE: x̂_v = [(HᴴH + σ²I)⁻¹Hᴴy]_v / μ_v with μ_v = 1 − σ²[(HᴴH + σ²I)⁻¹]_vv, post-equalization noise
    /// (1 − μ_v)/μ_v (unit-power layers).
    /// </summary>
    Mmse,
}
