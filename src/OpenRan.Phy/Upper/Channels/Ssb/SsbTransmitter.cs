using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Scrambling;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// Generates one SS/PBCH block into a resource grid: PSS and SSS (TS 38.211 §7.4.2), BCH coding (TS 38.212 §7.1), PBCH
/// scrambling with c(i + v·864), v = the 2 (L_max = 4) or 3 (L_max ≥ 8) LSBs of the block index, and QPSK (§7.3.3),
/// PBCH DM-RS (§7.4.1.4) and the mapping of Table 7.4.3.1-1. One instance per worker; mapping allocates nothing.
/// </summary>
public sealed class SsbTransmitter
{
    private readonly BchCodec _bch = new(1);
    private readonly PseudoRandomSequence _sequence = new();
    private readonly Scrambler _scrambler = new();
    private readonly byte[] _bits = new byte[BchCodec.E];
    private readonly ComplexF32[] _pbch = new ComplexF32[SsbResourceMap.PbchSymbolCount];
    private readonly ComplexF32[] _dmrs = new ComplexF32[SsbResourceMap.DmrsSymbolCount];
    private readonly float[] _sync = new float[SynchronizationSignals.Length];

    /// <summary>
    /// Writes the block whose first symbol is <paramref name="firstSymbol"/> and whose subcarrier 0 is grid subcarrier
    /// <paramref name="firstSubcarrier"/> (at the SSB subcarrier spacing).
    /// </summary>
    /// <param name="grid">The grid (SSB numerology); the 4 × 240 block REs are overwritten (unused block REs are set to 0).</param>
    /// <param name="port">Antenna port (grid port index).</param>
    /// <param name="firstSymbol">First OFDM symbol of the block in the grid.</param>
    /// <param name="firstSubcarrier">Grid subcarrier of block subcarrier 0.</param>
    /// <param name="mib">The MIB (its SFN and k_SSB are used).</param>
    /// <param name="nIdCell">N_ID^cell.</param>
    /// <param name="lMax">L_max.</param>
    /// <param name="ssbIndex">The candidate block index, 0..L_max−1.</param>
    /// <param name="halfFrame">The half-frame bit n_hf.</param>
    /// <param name="amplitudes">β factors.</param>
    public void Map(ResourceGrid grid, int port, int firstSymbol, int firstSubcarrier, Mib mib, int nIdCell, int lMax, int ssbIndex, int halfFrame, SsbAmplitudes amplitudes)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ThrowHelper.ThrowIfOutside(ssbIndex, 0, lMax - 1);
        ThrowHelper.ThrowIfOutside(firstSymbol, 0, grid.SymbolCount - SsbResourceMap.SymbolCount);
        ThrowHelper.ThrowIfOutside(firstSubcarrier, 0, grid.SubcarrierCount - SsbResourceMap.SubcarrierCount);

        // PBCH: BCH coding, scrambling (§7.3.3.1) and QPSK (§7.3.3.2).
        _bch.Encode(mib, halfFrame, lMax, ssbIndex, nIdCell, _bits);
        _scrambler.Scramble(PbchScrambling.InitialValue(nIdCell), _bits, _bits, PbchScrambling.SequenceOffset(ssbIndex, lMax));
        ModulationMapper.Map(_bits, ModulationScheme.Qpsk, _pbch);
        PbchDmrs.Generate(PbchDmrs.IBar(ssbIndex, halfFrame, lMax), nIdCell, _sequence, _dmrs);

        for (int l = 0; l < SsbResourceMap.SymbolCount; l++)
        {
            grid.Symbol(port, firstSymbol + l).Slice(firstSubcarrier, SsbResourceMap.SubcarrierCount).Clear();
        }

        SynchronizationSignals.Pss(nIdCell % 3, _sync);
        WriteSync(grid.Symbol(port, firstSymbol).Slice(firstSubcarrier + SsbResourceMap.SyncFirstSubcarrier, SynchronizationSignals.Length), amplitudes.Pss);
        SynchronizationSignals.Sss(nIdCell, _sync);
        WriteSync(grid.Symbol(port, firstSymbol + 2).Slice(firstSubcarrier + SsbResourceMap.SyncFirstSubcarrier, SynchronizationSignals.Length), amplitudes.Sss);
        Scatter(grid, port, firstSymbol, firstSubcarrier, SsbResourceMap.PbchPositions(nIdCell), _pbch, amplitudes.Pbch);
        Scatter(grid, port, firstSymbol, firstSubcarrier, SsbResourceMap.DmrsPositions(nIdCell), _dmrs, amplitudes.Dmrs);
    }

    private void WriteSync(Span<ComplexF32> destination, float beta)
    {
        for (int n = 0; n < _sync.Length; n++)
        {
            destination[n] = new ComplexF32(beta * _sync[n], 0f);
        }
    }

    private static void Scatter(ResourceGrid grid, int port, int firstSymbol, int firstSubcarrier, ReadOnlySpan<short> positions, ReadOnlySpan<ComplexF32> values, float beta)
    {
        for (int i = 0; i < positions.Length; i++)
        {
            int l = positions[i] / SsbResourceMap.SubcarrierCount;
            int k = positions[i] % SsbResourceMap.SubcarrierCount;
            grid[port, firstSymbol + l, firstSubcarrier + k] = values[i] * beta;
        }
    }
}
