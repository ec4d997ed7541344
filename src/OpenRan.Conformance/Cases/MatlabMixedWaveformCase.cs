using System;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;

namespace OpenRan.Conformance.Cases;

/// <summary>
/// One MATLAB mixed downlink waveform of <c>py5gphy_matlab/dl_waveform/mixed</c> (README §4): SSB, PDCCH, CSI-RS and PDSCH on
/// one carrier over 20 ms. The files store the PDSCH fields, <c>csirs_NumRB</c> and <c>coreset_FrequencyResources</c>; the
/// rest of the configuration is fixed by the generator of the dataset (py5gphy <c>tests/nr_waveform/nr_dl_testvectors.py</c>
/// at commit 8d84d932, facts only): N_ID^cell 1, no phase compensation (carrier frequency 0), SSB case A (15 kHz) or B
/// (30 kHz) with blocks {0, 1} of L_max = 4, period 20 ms, k_SSB 0, N_CRB^SSB 0, MIB (SCS common = carrier SCS,
/// dmrs-TypeA-Position pos2, pdcch-ConfigSIB1 0, cellBarred 0, intraFreqReselection 0); CORESET 1 of 2 symbols at CRB 0,
/// non-interleaved, DM-RS scrambling ID 2, a UE-specific search space with one candidate at aggregation levels 1 and 2,
/// monitored in slot 2 of every 10; one PDCCH (RNTI 1, L = 1, candidate 0, 20 DCI bits of the pattern [1 1 0 0]);
/// NZP-CSI-RS row 2 (1 port, no CDM, density 1, k_0 = 0, l_0 = 10, CRBs 0..csirs_NumRB−1, n_ID 0, period 10 slots,
/// offset 3). <c>fd_slot_data</c> holds PDCCH, CSI-RS and PDSCH (MATLAB keeps the SS burst in its own grid);
/// <c>waveform</c> holds everything.
/// </summary>
public sealed class MatlabMixedWaveformCase
{
    /// <summary>N_ID^cell of the dataset.</summary>
    public const int CellId = 1;

    private MatlabMixedWaveformCase(MatFile mat, int scsKhz, int nSizeGrid, int slots)
    {
        Mat = mat;
        SubcarrierSpacingKhz = scsKhz;
        NSizeGrid = nSizeGrid;
        SlotCount = slots;
    }

    /// <summary>The file.</summary>
    public MatFile Mat { get; }

    /// <summary>Subcarrier spacing of the carrier (and of the SSB), kHz.</summary>
    public int SubcarrierSpacingKhz { get; }

    /// <summary>The numerology.</summary>
    public Numerology Numerology => Numerology.FromSubcarrierSpacingKhz(SubcarrierSpacingKhz);

    /// <summary>N_grid^size.</summary>
    public int NSizeGrid { get; }

    /// <summary>Slots stored (20 ms).</summary>
    public int SlotCount { get; }

    /// <summary>Subcarriers K = 12·N_grid^size.</summary>
    public int SubcarrierCount => NSizeGrid * NrConstants.SubcarriersPerRb;

    /// <summary>The NZP-CSI-RS resource of the dataset.</summary>
    public CsiRsConfiguration CsiRs => new()
    {
        RowNumber = 2,
        FrequencyDomainAllocation = 1,
        Density = CsiRsDensity.One,
        FirstSymbol = 10,
        StartRb = 0,
        RbCount = Mat.Numeric("csirs_NumRB").ScalarInt32,
        ScramblingId = 0,
        PeriodicitySlots = 10,
        OffsetSlots = 3,
    };

    /// <summary>Loads a file.</summary>
    public static MatlabMixedWaveformCase Load(string path)
    {
        MatFile mat = MatFile.Load(path);
        int scs = mat.Numeric("scs").ScalarInt32;
        int bandwidth = mat.Numeric("BW").ScalarInt32;
        int nrb = Ts38101Table5_3_2_1.GetMaxRbCount(FrequencyRange.Fr1, bandwidth, scs);
        int slots = 20 * scs / 15;
        int expected = slots * NrConstants.SymbolsPerSlotNormalCp * nrb * NrConstants.SubcarriersPerRb;
        if (mat.Numeric("fd_slot_data").Count != expected)
        {
            throw new ReferenceDataFormatException(path, $"fd_slot_data has {mat.Numeric("fd_slot_data").Count} values; {slots} slots × 14 × {nrb * 12} expected");
        }

        return new MatlabMixedWaveformCase(mat, scs, nrb, slots);
    }

    /// <summary>The reference grid of slot <paramref name="slot"/>, symbol-major (14·K values).</summary>
    public ReadOnlySpan<Complex> GridSlot(Complex[] grid, int slot)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int perSlot = NrConstants.SymbolsPerSlotNormalCp * SubcarrierCount;
        return grid.AsSpan(slot * perSlot, perSlot);
    }
}
