using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Detection;

/// <summary>
/// Discontinuous-transmission detection from the reference signals of a channel (DM-RS of PBCH, PDCCH, PUCCH, PUSCH, PDSCH):
/// decides whether the least-squares channel estimates carry a signal or only noise, at a stated false-alarm probability,
/// against the noise estimated from the same estimates. Usable by every receiver; allocation-free after construction.
/// </summary>
/// <remarks>
/// <para>Input: groups of least-squares estimates x_i = y_i·conj(r_i)/|r_i|² over REs where the channel is about constant (the
/// DM-RS of one REG, one resource block of one symbol, one CDM group…); erased REs (exactly 0) are left out and M_g counts
/// the observed ones, so erasures do not bias the test; groups with M_g &lt; 2 are skipped. Per group the coherent
/// energy C_g = |Σ x_i|²/M_g and the energy E_g = Σ |x_i|² are accumulated; C = Σ C_g, E = Σ E_g, G groups and
/// D = Σ (M_g − 1) residual degrees of freedom.</para>
/// <para>Statistic: T = C/E, the share of the energy explained by one constant channel per group. Under noise alone (white
/// complex Gaussian, any variance) C/σ² ~ Gamma(G) and (E − C)/σ² ~ Gamma(D) independently, so T ~ Beta(G, D) exactly,
/// whatever the noise level: the threshold t with P(Beta(G, D) &gt; t) = P_FA (<see cref="FalseAlarmProbability"/>) gives that
/// false-alarm probability without knowing σ². A signal raises T towards 1 (for a flat channel and per-RE SNR ρ,
/// E[C] ≈ σ²·G·(1 + M·ρ)). All-zero, subnormal (energies underflow) or non-finite input gives T = 0 or NaN: DTX.</para>
/// <para>Thresholds are computed once per (G, D) (exact integer-parameter Beta quantile, <see cref="BetaDistribution"/>) and
/// kept in a small cache, so a receiver whose configuration does not change computes none per slot.</para>
/// <para>Inputs are expected screened by <see cref="ComplexErasure"/> (non-finite and absurd values erased to 0); NaN counts as
/// 0 and subnormal parts as 0 here too, an infinite value makes the decision DTX. Not thread-safe (one instance per worker).</para>
/// </remarks>
public sealed class DtxDetector
{
    private const int CacheSize = 16;
    private readonly int[] _cacheGroups = new int[CacheSize];
    private readonly int[] _cacheDegrees = new int[CacheSize];
    private readonly float[] _cacheThreshold = new float[CacheSize];
    private int _cacheNext;
    private double _coherent;
    private double _energy;
    private int _groups;
    private int _degrees;
    private int _resourceElements;

    /// <summary>Creates a detector with false-alarm probability <paramref name="falseAlarmProbability"/>, 1e-15..0.5.</summary>
    public DtxDetector(double falseAlarmProbability)
    {
        if (!(falseAlarmProbability >= 1e-15 && falseAlarmProbability <= 0.5))
        {
            ThrowHelper.ThrowOutOfRange(nameof(falseAlarmProbability), falseAlarmProbability, "1e-15..0.5");
        }

        FalseAlarmProbability = falseAlarmProbability;
        _cacheGroups.AsSpan().Fill(-1);
    }

    /// <summary>The probability that noise alone is declared a signal (per decision).</summary>
    public double FalseAlarmProbability { get; }

    /// <summary>Groups added since the last <see cref="Reset"/>.</summary>
    public int GroupCount => _groups;

    /// <summary>Starts a new decision.</summary>
    public void Reset()
    {
        _coherent = 0;
        _energy = 0;
        _groups = 0;
        _degrees = 0;
        _resourceElements = 0;
    }

    /// <summary>
    /// Adds one group of least-squares estimates (REs sharing a channel); returns the mean of its observed values, the group's
    /// channel estimate. Values exactly 0 are erasures (screened-out REs): they are left out, and a group with fewer than 2
    /// observed values adds nothing (one degree of freedom goes to the channel estimate).
    /// </summary>
    public ComplexF32 AddGroup(ReadOnlySpan<ComplexF32> leastSquares)
    {
        // Subnormal (and NaN) parts count as 0, as ComplexErasure leaves them: a subnormal input is silence, not a weak signal.
        double re = 0, im = 0, energy = 0;
        int observed = 0;
        foreach (ComplexF32 x in leastSquares)
        {
            double xr = MathF.Abs(x.Re) >= ComplexErasure.SmallestNormal ? x.Re : 0; // false for NaN
            double xi = MathF.Abs(x.Im) >= ComplexErasure.SmallestNormal ? x.Im : 0;
            if (xr != 0 || xi != 0)
            {
                re += xr;
                im += xi;
                energy += (xr * xr) + (xi * xi);
                observed++;
            }
        }

        Accumulate(re, im, energy, observed);
        return observed == 0 ? default : new ComplexF32((float)(re / observed), (float)(im / observed));
    }

    /// <summary>
    /// Adds one group from its sum Σ x_i, its energy Σ |x_i|² and its number of observed (non-erased) values; a group of
    /// fewer than 2 adds nothing. For callers that accumulate themselves.
    /// </summary>
    public void AddGroup(ComplexF32 sum, float energy, int count)
    {
        ThrowHelper.ThrowIfOutside(count, 0, int.MaxValue);
        Accumulate(sum.Re, sum.Im, energy, count);
    }

    /// <summary>Decides on the groups added since the last <see cref="Reset"/>.</summary>
    public DtxDecision Decide()
    {
        if (_groups == 0)
        {
            return new DtxDecision(false, 0f, 1f, 0f, 0f, 0, 0);
        }

        float threshold = Threshold(_groups, _degrees);

        // E = 0 (silence, subnormal input) gives 0; non-finite energies give NaN, which no threshold passes.
        double metric = _energy > 0 ? _coherent / _energy : 0;
        double noise = Math.Max(0, _energy - _coherent) / _degrees;
        double signal = Math.Max(0, _coherent - (_groups * noise)) / _resourceElements;
        bool present = metric >= threshold;
        return new DtxDecision(present, (float)metric, threshold, (float)noise, (float)signal, _groups, _degrees);
    }

    /// <summary>
    /// The threshold t on C/E with P(Beta(<paramref name="groups"/>, <paramref name="residualDegrees"/>) &gt; t) =
    /// <see cref="FalseAlarmProbability"/> (cached per (G, D); computed on first use).
    /// </summary>
    public float Threshold(int groups, int residualDegrees)
    {
        ThrowHelper.ThrowIfOutside(groups, 1, int.MaxValue / 4);
        ThrowHelper.ThrowIfOutside(residualDegrees, 1, int.MaxValue / 4);
        for (int i = 0; i < CacheSize; i++)
        {
            if (_cacheGroups[i] == groups && _cacheDegrees[i] == residualDegrees)
            {
                return _cacheThreshold[i];
            }
        }

        float threshold = (float)BetaDistribution.UpperQuantile(groups, residualDegrees, FalseAlarmProbability);
        int slot = _cacheNext;
        _cacheNext = (_cacheNext + 1) % CacheSize;
        _cacheGroups[slot] = groups;
        _cacheDegrees[slot] = residualDegrees;
        _cacheThreshold[slot] = threshold;
        return threshold;
    }

    private void Accumulate(double re, double im, double energy, int count)
    {
        if (count < 2)
        {
            return;
        }

        _coherent += ((re * re) + (im * im)) / count;
        _energy += energy;
        _groups++;
        _degrees += count - 1;
        _resourceElements += count;
    }
}
