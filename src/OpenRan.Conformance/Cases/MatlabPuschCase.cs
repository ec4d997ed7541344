using System;
using System.Linq;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Conformance.Cases;

/// <summary>
/// One MATLAB 5G Toolbox UL-SCH vector of <c>py5gphy_matlab/pusch/ulsch_without_uci</c> (README §4): the PUSCH
/// configuration rebuilt from its fields and the per-slot codewords.
/// </summary>
/// <remarks>
/// The files carry no grid, DM-RS type, length, mapping type or scrambling identities; the MATLAB defaults apply: mapping
/// type A, dmrs-TypeA-Position 2, DM-RS type 1 single-symbol, ports 0..υ−1, BWP = carrier (N_RB from the 38.101 table
/// for <c>BW</c> and <c>scs</c>), n_RNTI = 1, n_ID = N_ID^cell = 1, and the type-1 low-PAPR DM-RS with transform precoding.
/// <c>NumAntennaPorts</c> applies to codebook transmission only (nrPUSCHConfig); a non-codebook vector uses υ ports.
/// <c>nrULSCH</c> does not limit the circular buffer (N_cb = N, the configuration's default).
/// </remarks>
public sealed class MatlabPuschCase
{
    private MatlabPuschCase(MatFile mat, PuschConfiguration configuration)
    {
        Mat = mat;
        Configuration = configuration;
    }

    /// <summary>The file.</summary>
    public MatFile Mat { get; }

    /// <summary>The configuration.</summary>
    public PuschConfiguration Configuration { get; }

    /// <summary>Number of slots (redundancy versions) in the vector.</summary>
    public int SlotCount => Mat.Numeric("rv_out").Count;

    /// <summary>The target code rate R = TargetCodeRateby1024/1024.</summary>
    public double TargetCodeRate => Mat.Numeric("TargetCodeRateby1024").ScalarDouble / 1024;

    /// <summary>The transport block bits.</summary>
    public byte[] TransportBlock => Mat.Numeric("trblk_out").ToBits();

    /// <summary>G of slot <paramref name="slot"/> (<c>GULSCH_out</c>).</summary>
    public int CodewordLength(int slot) => (int)Mat.Numeric("GULSCH_out").Real[slot];

    /// <summary>The redundancy version of slot <paramref name="slot"/>.</summary>
    public int RedundancyVersion(int slot) => (int)Mat.Numeric("rv_out").Real[slot];

    /// <summary>The UL-SCH codeword of slot <paramref name="slot"/> (<c>codeword_out</c> row, first G bits).</summary>
    public byte[] Codeword(int slot) => [.. Mat.Numeric("codeword_out").RowReal(slot).Take(CodewordLength(slot)).Select(b => (byte)b)];

    /// <summary>Loads a vector and rebuilds its configuration.</summary>
    public static MatlabPuschCase Load(string path)
    {
        MatFile mat = MatFile.Load(path);
        int scs = mat.Numeric("scs").ScalarInt32;
        int bandwidth = mat.Numeric("BW").ScalarInt32;
        int prbs = CarrierResourceBlocks(scs, bandwidth) ?? throw new InvalidOperationException($"{path}: no N_RB for {bandwidth} MHz at {scs} kHz");
        int layers = mat.Numeric("NumLayers").ScalarInt32;
        int[] symbols = mat.Numeric("SymbolAllocation").ToInt32Array();
        int qm = mat.Numeric("Qm").ScalarInt32;
        bool transformPrecoding = mat.Numeric("TransformPrecoding").ScalarInt32 != 0;
        bool codebook = ((MatCharArray)mat["TransmissionScheme"]).Text == "codebook";
        var configuration = new PuschConfiguration
        {
            Numerology = scs == 15 ? 0 : 1,
            NSizeGrid = prbs,
            NSizeBwp = prbs,
            NIdCell = 1,
            NId = 1,
            NRnti = 1,
            PrbSet = mat.Numeric("PRBSet").ToInt32Array(),
            StartSymbol = symbols[0],
            SymbolCount = symbols[1],
            Modulation = qm == 1 ? ModulationScheme.Pi2Bpsk : ModulationSchemeExtensions.FromBitsPerSymbol(qm),
            LayerCount = layers,
            // nrPUSCHConfig reads NumAntennaPorts only for codebook transmission; non-codebook maps layer v to port v.
            AntennaPortCount = codebook ? mat.Numeric("NumAntennaPorts").ScalarInt32 : layers,
            TransmissionScheme = codebook ? PuschTransmissionScheme.Codebook : PuschTransmissionScheme.NonCodebook,
            Tpmi = mat.Numeric("TPMI").ScalarInt32,
            TransformPrecoding = transformPrecoding,
            TransformPrecodingDmrs = new Phy.Upper.Channels.SharedChannel.TransformPrecodingDmrs
            {
                NIdRs = 1,
                GroupHopping = mat.Numeric("GroupHopping").ScalarInt32 != 0,
                SequenceHopping = mat.Numeric("SequenceHopping").ScalarInt32 != 0,
            },
            TargetCodeRate = mat.Numeric("TargetCodeRateby1024").ScalarDouble / 1024,
            TransportBlockSize = mat.Numeric("trblk_out").Count,
            Dmrs = new DmrsConfiguration
            {
                AdditionalPosition = mat.Numeric("DMRSAdditionalPosition").ScalarInt32,
                CdmGroupsWithoutData = mat.Numeric("NumCDMGroupsWithoutData").ScalarInt32,
                Ports = [.. Enumerable.Range(0, layers)],
                ScramblingId0 = 1,
                ScramblingId1 = 1,
            },
        };
        return new MatlabPuschCase(mat, configuration);
    }

    /// <summary>N_RB of TS 38.101-1 Table 5.3.2-1 for FR1 bandwidths at 15 and 30 kHz, or null.</summary>
    internal static int? CarrierResourceBlocks(int scsKhz, int bandwidthMhz) => (scsKhz, bandwidthMhz) switch
    {
        (15, 5) => 25, (15, 10) => 52, (15, 15) => 79, (15, 20) => 106, (15, 25) => 133, (15, 30) => 160, (15, 35) => 188,
        (15, 40) => 216, (15, 45) => 242, (15, 50) => 270,
        (30, 5) => 11, (30, 10) => 24, (30, 15) => 38, (30, 20) => 51, (30, 25) => 65, (30, 30) => 78, (30, 35) => 92,
        (30, 40) => 106, (30, 45) => 119, (30, 50) => 133, (30, 60) => 162, (30, 70) => 189, (30, 80) => 217,
        (30, 90) => 245, (30, 100) => 273,
        _ => null,
    };
}
