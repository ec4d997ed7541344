using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// Maps a CSI-RS resource onto a resource grid (TS 38.211 §7.4.1.5.3):
/// a_{k,l}^{(p,μ)} = β_CSIRS·w_f(k′)·w_t(l′)·r_{l,n_s,f}(m′), m′ = ⌊nα⌋ + k′ + ⌊k̄ρ/N_sc^RB⌋, k = n·N_sc^RB + k̄ + k′,
/// l = l̄ + l′, for every carried common resource block n inside the grid; k counts from subcarrier 0 of CRB 0, so grid
/// subcarrier = k − 12·N_grid^start. A zero-power resource writes zeros. One instance per worker; mapping allocates nothing.
/// </summary>
public sealed class CsiRsMapper
{
    private readonly CsiRsSequence _sequence = new();

    /// <summary>The sequence of the last mapped slot (for receivers sharing the generator).</summary>
    public CsiRsSequence Sequence => _sequence;

    /// <summary>Writes every port of <paramref name="configuration"/> into slot grid <paramref name="grid"/>.</summary>
    /// <param name="grid">The slot grid (14 symbols); CSI-RS port p − 3000 goes to grid port <paramref name="firstGridPort"/> + p − 3000.</param>
    /// <param name="configuration">The resource.</param>
    /// <param name="slot">n_s,f^μ, the slot number within the frame.</param>
    /// <param name="firstGridPort">Grid port of CSI-RS port 3000.</param>
    public void Map(ResourceGrid grid, CsiRsConfiguration configuration, int slot, int firstGridPort = 0)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(configuration);
        CsiRsPattern pattern = configuration.Pattern;
        if (firstGridPort < 0 || firstGridPort + pattern.PortCount > grid.PortCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(firstGridPort), firstGridPort, $"0..{grid.PortCount - pattern.PortCount} (the grid has {grid.PortCount} ports, the resource {pattern.PortCount})");
        }

        if (!Prepare(pattern, configuration, grid, slot, out int firstCrb, out int endCrb))
        {
            return;
        }

        float beta = configuration.Amplitude;
        ReadOnlySpan<CsiRsResourceElement> elements = pattern.Elements;
        int gridOffset = grid.NStartGrid * NrConstants.SubcarriersPerRb;

        // Ports of one CDM group share (k, l) but each port has its own grid plane.
        for (int n = firstCrb; n < endCrb; n++)
        {
            if (!pattern.Density.Carries(n))
            {
                continue;
            }

            int baseIndex = pattern.SequenceBase(n);
            int blockStart = (n * NrConstants.SubcarriersPerRb) - gridOffset;
            foreach (CsiRsResourceElement re in elements)
            {
                ComplexF32 value = _sequence.Value(re.Symbol, baseIndex + re.SequenceOffset) * (beta * re.Weight);
                grid[firstGridPort + re.Port, re.Symbol, blockStart + re.Subcarrier] = value;
            }
        }
    }

    /// <summary>Generates the sequence for the blocks of the resource inside the grid; false when none is inside.</summary>
    internal bool Prepare(CsiRsPattern pattern, CsiRsConfiguration configuration, ResourceGrid grid, int slot, out int firstCrb, out int endCrb)
    {
        firstCrb = Math.Max(pattern.StartRb, grid.NStartGrid);
        endCrb = Math.Min(pattern.StartRb + pattern.RbCount, grid.NStartGrid + grid.NSizeGrid);
        if (endCrb <= firstCrb)
        {
            return false;
        }

        int maxOffset = 0;
        foreach (CsiRsResourceElement re in pattern.Elements)
        {
            maxOffset = Math.Max(maxOffset, re.SequenceOffset);
        }

        int first = pattern.SequenceBase(firstCrb);
        int last = pattern.SequenceBase(endCrb - 1) + maxOffset;
        _sequence.Prepare(pattern, configuration.ScramblingId, grid.SymbolCount, slot, first, last - first + 1);
        return true;
    }
}
