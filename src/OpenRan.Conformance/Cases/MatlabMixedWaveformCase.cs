using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using OpenRan.Conformance.Checks;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

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

    /// <summary>The sample rate of the stored waveform, Hz.</summary>
    public double SampleRateHz => Mat.Numeric("SampleRate").ScalarDouble;

    /// <summary>
    /// The whole waveform as a <see cref="DownlinkWaveformConfiguration"/>: the fixed parts described above, the PDSCH fields
    /// of the file, transport blocks taken from <c>trblk_out</c> (a row per slot that starts a block, zero rows for the
    /// retransmissions of the RV sequence) and the dataset's DM-RS amplitude (README §4: 10^(−x/20) with x = 0, 3, 4.77 dB for
    /// 1, 2, 3 CDM groups without data, expressed relative to the specification's β_DMRS).
    /// </summary>
    public DownlinkWaveformConfiguration Waveform()
    {
        int layers = Mat.Numeric("NumLayers").ScalarInt32;
        bool[] coresetBits = [.. Mat.Numeric("coreset_FrequencyResources").ToInt32Array().Select(b => b != 0)];
        return new DownlinkWaveformConfiguration
        {
            Name = System.IO.Path.GetFileNameWithoutExtension(Mat.Path),
            Carrier = new DownlinkCarrier
            {
                Numerology = Numerology.Mu, NSizeGrid = NSizeGrid, NIdCell = CellId, AntennaPortCount = layers, SampleRateHz = SampleRateHz,
            },
            Ssb = GeneratorSsb(SubcarrierSpacingKhz),
            Pdcch =
            [
                new DownlinkPdcch
                {
                    Coreset = new CoresetConfiguration(1, 0, coresetBits, 2, CceRegMapping.NonInterleaved, 6, 2, 0, PrecoderGranularity.SameAsRegBundle, 2),
                    SearchSpace = new SearchSpaceConfiguration(1, false, 10, 2, 1, 0, [1, 1, 0, 0, 0]),
                    Candidate = 0,
                    AggregationLevel = 1,
                    Rnti = 1,
                    ScramblingRnti = 1,
                    Slots = new SlotPattern(10, [2]),
                    PayloadBits = 20,
                    Data = BitSourceDefinition.Repeat(1, 1, 0, 0),
                },
            ],
            Pdsch = [PdschFromFile(Mat, Numerology.Mu, NSizeGrid)],
            CsiRs = [new DownlinkCsiRs("CSI-RS", CsiRs)],
        };
    }

    /// <summary>
    /// The SS/PBCH bursts of the dataset's generator: case A (15 kHz) or B (30 kHz), blocks {0, 1} of 4, 20 ms, at
    /// N_CRB^SSB / k_SSB (15 kHz units; 0/0 in the mixed files).
    /// </summary>
    internal static DownlinkSsbBurst GeneratorSsb(int subcarrierSpacingKhz, int nCrbSsb = 0, int kSsb = 0) => new()
    {
        NCrbSsb = nCrbSsb,
        KSsb = kSsb,
        Case = subcarrierSpacingKhz == 15 ? SsbCase.A : SsbCase.B,
        LMax = 4,
        TransmittedBlocks = [true, true, false, false],
        PeriodMs = 20,
        SubCarrierSpacingCommon = subcarrierSpacingKhz != 15,
        DmrsTypeAPosition = 2,
        CellBarred = true,
        IntraFreqReselectionAllowed = true,
    };

    /// <summary>
    /// The PDSCH of a mixed or multi-slot file: its fields, N_ID^cell 1 and DM-RS NIDNSCID 1 (README §4), the TBS of TS 38.214
    /// §5.1.3.2, MATLAB's limited buffer, the RV sequence, transport blocks replayed from <c>trblk_out</c> (a row per slot that
    /// starts a block) and the dataset's DM-RS amplitude relative to the specification's β_DMRS.
    /// </summary>
    internal static DownlinkPdsch PdschFromFile(MatFile mat, int numerology, int nSizeGrid)
    {
        ArgumentNullException.ThrowIfNull(mat);
        int layers = mat.Numeric("NumLayers").ScalarInt32;
        int[] symbols = mat.Numeric("SymbolAllocation").ToInt32Array();
        var dmrs = new DmrsConfiguration
        {
            ConfigurationType = (DmrsConfigurationType)mat.Numeric("DMRSConfigurationType").ScalarInt32,
            Length = mat.Numeric("DMRSLength").ScalarInt32,
            AdditionalPosition = mat.Numeric("DMRSAdditionalPosition").ScalarInt32,
            TypeAPosition = mat.Numeric("DMRSTypeAPosition").ScalarInt32,
            CdmGroupsWithoutData = mat.Numeric("NumCDMGroupsWithoutData").ScalarInt32,
            NScid = mat.Numeric("NSCID").ScalarInt32,
            ScramblingId0 = MatlabPdschCase.DmrsScramblingId,
            ScramblingId1 = MatlabPdschCase.DmrsScramblingId,
            Ports = [.. Enumerable.Range(0, layers)],
        };
        var pdsch = new PdschConfiguration
        {
            Numerology = numerology,
            NSizeGrid = nSizeGrid,
            NSizeBwp = nSizeGrid,
            NIdCell = CellId,
            PrbSet = mat.Numeric("PRBSet").ToInt32Array(),
            StartSymbol = symbols[0],
            SymbolCount = symbols[1],
            MappingType = ((MatCharArray)mat["MappingType"]).Text == "B" ? SchMappingType.B : SchMappingType.A,
            Modulation = ModulationMapperCheck.ParseScheme(((MatCharArray)mat["Modulation"]).Text, mat.Path),
            LayerCount = layers,
            NRnti = mat.Numeric("RNTI").ScalarInt32,
            NId = mat.Numeric("NID").ScalarInt32,
            Dmrs = dmrs,
            TargetCodeRate = mat.Numeric("TargetCodeRateby1024").ScalarDouble / 1024,
            LimitedBuffer = LimitedBufferRateMatching.FromReferenceLength(SharedChannelEncodeCheck.MatlabDlschReferenceLength),
        };
        double matlabDmrsDb = dmrs.CdmGroupsWithoutData switch { 1 => 0, 2 => 3, _ => 4.77 };
        MatNumericArray blocks = mat.Numeric("trblk_out");
        var starts = new List<byte[]>();
        for (int s = 0; s < blocks.Rows; s++)
        {
            byte[] row = [.. blocks.RowReal(s).Select(v => (byte)v)];
            if (row.Any(b => b != 0))
            {
                starts.Add(row);
            }
        }

        return new DownlinkPdsch
        {
            Configuration = pdsch,
            DmrsPowerOffsetDb = (-matlabDmrsDb) - (20 * Math.Log10(dmrs.Beta)),
            RedundancyVersions = mat.Numeric("RVSequence").ToInt32Array(),
            Data = BitSourceDefinition.FromFactory(() => new RecordedBlocks(starts)),
        };
    }

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

    /// <summary>Transport blocks replayed from the file, one per call, each cut to the requested TBS.</summary>
    private sealed class RecordedBlocks(List<byte[]> blocks) : IBitSource
    {
        private int _next;

        public void Fill(Span<byte> bits)
        {
            if (_next >= blocks.Count)
            {
                throw new InvalidOperationException($"the file holds {blocks.Count} transport blocks; a {_next + 1}th was requested");
            }

            byte[] row = blocks[_next++];
            row.AsSpan(0, bits.Length).CopyTo(bits);
            if (row.AsSpan(bits.Length).IndexOfAnyExcept((byte)0) >= 0)
            {
                throw new InvalidOperationException($"transport block {_next} of the file is longer than the computed TBS {bits.Length}");
            }
        }

        public void Reset() => _next = 0;
    }
}
