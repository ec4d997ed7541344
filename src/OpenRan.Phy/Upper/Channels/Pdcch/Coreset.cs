using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// The resource structure of a CORESET (TS 38.211 §7.3.2.2): REGs numbered time-first from the lowest RB, REG bundles,
/// and the CCE-to-REG-bundle mapping f(·) (identity, or the block interleaver with R rows, C = N_REG/(L·R) columns and
/// shift n_shift: f(cR + r) = (rC + c + n_shift) mod (N_REG/L)). Built once per configuration (allocates); queries
/// allocate nothing.
/// </summary>
public sealed class Coreset
{
    private readonly short[] _rbs;
    private readonly short[] _bundleOfCceBundle;
    private readonly bool[] _rbInCoreset;

    /// <summary>Builds the CORESET structure.</summary>
    public Coreset(CoresetConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        Configuration = configuration;
        int count = 0;
        foreach (bool b in configuration.FrequencyResources)
        {
            count += b ? 6 : 0;
        }

        if (count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(configuration), "FrequencyResources selects no resource block.");
        }

        _rbs = new short[count];
        _rbInCoreset = new bool[(configuration.FrequencyResources.Length * 6) + 1];
        int next = 0;
        for (int group = 0; group < configuration.FrequencyResources.Length; group++)
        {
            if (configuration.FrequencyResources[group])
            {
                for (int i = 0; i < 6; i++)
                {
                    _rbs[next++] = (short)((6 * group) + i);
                    _rbInCoreset[(6 * group) + i] = true;
                }
            }
        }

        RegCount = count * configuration.Duration;
        if (RegCount % 6 != 0)
        {
            ThrowHelper.ThrowArgument(nameof(configuration), $"N_REG = {RegCount} is not a multiple of 6.");
        }

        CceCount = RegCount / 6;
        int bundleSize = configuration.RegBundleSize;
        int bundles = RegCount / bundleSize;
        _bundleOfCceBundle = new short[bundles];
        if (configuration.Mapping == CceRegMapping.NonInterleaved)
        {
            for (int x = 0; x < bundles; x++)
            {
                _bundleOfCceBundle[x] = (short)x;
            }
        }
        else
        {
            int r = configuration.InterleaverSize;
            if (bundles % r != 0)
            {
                ThrowHelper.ThrowArgument(nameof(configuration), $"N_REG/(L·R) = {RegCount}/({bundleSize}·{r}) is not an integer.");
            }

            int c = bundles / r;
            for (int cc = 0; cc < c; cc++)
            {
                for (int rr = 0; rr < r; rr++)
                {
                    _bundleOfCceBundle[(cc * r) + rr] = (short)(((rr * c) + cc + configuration.ShiftIndex) % bundles);
                }
            }
        }
    }

    /// <summary>The configuration.</summary>
    public CoresetConfiguration Configuration { get; }

    /// <summary>N_REG^CORESET.</summary>
    public int RegCount { get; }

    /// <summary>N_CCE, the number of CCEs.</summary>
    public int CceCount { get; }

    /// <summary>Number of RBs in the CORESET.</summary>
    public int RbCount => _rbs.Length;

    /// <summary>The CORESET RBs (relative to <see cref="CoresetConfiguration.FirstRb"/>) in increasing order.</summary>
    public ReadOnlySpan<short> Rbs => _rbs;

    /// <summary>Whether relative RB <paramref name="rb"/> belongs to the CORESET.</summary>
    public bool ContainsRb(int rb) => (uint)rb < (uint)_rbInCoreset.Length && _rbInCoreset[rb];

    /// <summary>The relative RB of REG <paramref name="reg"/> (REGs are numbered time-first: reg = rbIndex·duration + symbol).</summary>
    public int RegRb(int reg) => _rbs[reg / Configuration.Duration];

    /// <summary>The CORESET symbol (0..duration−1) of REG <paramref name="reg"/>.</summary>
    public int RegSymbol(int reg) => reg % Configuration.Duration;

    /// <summary>
    /// Marks the REGs of the CCEs [<paramref name="firstCce"/>, firstCce + <paramref name="cceCount"/>) in
    /// <paramref name="regs"/> (length <see cref="RegCount"/>): CCE j holds REG bundles f(6j/L) … f(6j/L + 6/L − 1).
    /// </summary>
    public void MarkRegs(int firstCce, int cceCount, Span<bool> regs)
    {
        ThrowHelper.ThrowIfLengthDiffers(regs.Length, RegCount, nameof(regs));
        if (firstCce < 0 || cceCount < 1 || firstCce + cceCount > CceCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(firstCce), firstCce, $"CCEs within 0..{CceCount - 1} for {cceCount} CCEs");
        }

        int bundleSize = Configuration.RegBundleSize;
        int bundlesPerCce = 6 / bundleSize;
        for (int j = firstCce; j < firstCce + cceCount; j++)
        {
            for (int b = 0; b < bundlesPerCce; b++)
            {
                int bundle = _bundleOfCceBundle[(j * bundlesPerCce) + b];
                for (int i = 0; i < bundleSize; i++)
                {
                    regs[(bundle * bundleSize) + i] = true;
                }
            }
        }
    }
}
