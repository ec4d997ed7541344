using System;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>
/// One MATLAB 5G Toolbox PUCCH vector of <c>py5gphy_matlab/pucch/format0|2|3|4</c> (README §4): the configuration rebuilt
/// from its fields, and per slot the UCI, <c>codeword_out</c>, <c>symbols_out</c> and the slot of <c>fd_slot_data</c>.
/// </summary>
/// <remarks>
/// What the files do not state comes from py5gphy's readers at the vectors' commit: BWP = carrier at CRB 0 (N_RB from the
/// TS 38.101-1 table for <c>BW</c> and <c>scs</c>), N_ID^cell = 0 (hoppingId, NID, NID0 are given explicitly), 2 slots at 15 kHz
/// or 4 at 30 kHz numbered n_s,f = 0, 1, …; the format 0 UCI is <c>DataSourceUCI</c>/<c>DataSourceSR</c> in every slot; the
/// format 2/3 UCI is the MATLAB data source [1 0 1 0] and the format 4 UCI [0 0 1 1], both repeated and continuing from
/// slot to slot (slot s starts at pattern position s·A).
/// </remarks>
internal sealed record PucchVector(PucchConfiguration Configuration, int SlotCount, int SubcarrierCount, MatFile Mat)
{
    private static readonly byte[] s_pattern1010 = [1, 0, 1, 0];
    private static readonly byte[] s_pattern0011 = [0, 0, 1, 1];

    public static PucchVector Load(string path, PucchFormat format)
    {
        MatFile mat = MatFile.Load(path);
        int scs = mat.Numeric("scs").ScalarInt32;
        int bandwidth = mat.Numeric("BW").ScalarInt32;
        int nrb = MatlabPuschCase.CarrierResourceBlocks(scs, bandwidth) ?? throw new InvalidOperationException($"{path}: no N_RB for {bandwidth} MHz at {scs} kHz");
        int[] symbols = mat.Numeric("SymbolAllocation").ToInt32Array();
        int[] prbs = mat.Numeric("PRBSet").ToInt32Array();
        bool hopping = Text(mat, "FrequencyHopping").Equals("intraSlot", StringComparison.OrdinalIgnoreCase);
        var configuration = new PucchConfiguration
        {
            Format = format,
            Numerology = scs == 15 ? 0 : 1,
            NSizeBwp = nrb,
            StartSymbol = symbols[0],
            SymbolCount = symbols[1],
            StartPrb = prbs[0],
            PrbCount = prbs.Length,
            SecondHopPrb = hopping ? mat.Numeric("SecondHopStartPRB").ScalarInt32 : null,
            GroupHopping = mat.Contains("GroupHopping") ? ParseGroupHopping(Text(mat, "GroupHopping")) : PucchGroupHopping.Neither,
            HoppingId = mat.Contains("HoppingID") ? mat.Numeric("HoppingID").ScalarInt32 : null,
            InitialCyclicShift = mat.Contains("InitialCyclicShift") ? mat.Numeric("InitialCyclicShift").ScalarInt32 : 0,
            NId = mat.Contains("NID") ? mat.Numeric("NID").ScalarInt32 : null,
            NRnti = mat.Contains("RNTI") ? mat.Numeric("RNTI").ScalarInt32 : 1,
            NId0 = mat.Contains("NID0") ? mat.Numeric("NID0").ScalarInt32 : null,
            Modulation = mat.Contains("Modulation") && Text(mat, "Modulation").Contains("BPSK", StringComparison.OrdinalIgnoreCase) ? ModulationScheme.Pi2Bpsk : ModulationScheme.Qpsk,
            AdditionalDmrs = mat.Contains("AdditionalDMRS") && mat.Numeric("AdditionalDMRS").ScalarInt32 != 0,
            SpreadingFactor = mat.Contains("SpreadingFactor") ? mat.Numeric("SpreadingFactor").ScalarInt32 : 2,
            OccIndex = mat.Contains("OCCI") ? mat.Numeric("OCCI").ScalarInt32 : 0,
        };
        int slots = 2 * scs / 15;
        return new PucchVector(configuration, slots, nrb * NrConstants.SubcarriersPerRb, mat);
    }

    /// <summary>The UCI sizes of the vector.</summary>
    public PucchUciSizes Sizes => Configuration.Format == PucchFormat.Format0
        ? new PucchUciSizes(Mat.Numeric("NumUCIBits").ScalarInt32, 1)
        : new PucchUciSizes(0, 0, Mat.Numeric("NumUCIBits").ScalarInt32, Mat.Contains("NumUCI2Bits") ? Mat.Numeric("NumUCI2Bits").ScalarInt32 : 0);

    /// <summary>Format 0: the HARQ-ACK bits (every slot).</summary>
    public byte[] HarqAck()
    {
        int count = Mat.Numeric("NumUCIBits").ScalarInt32;
        byte[] all = Mat.Numeric("DataSourceUCI").ToBits();
        return all.AsSpan(0, count).ToArray();
    }

    /// <summary>Format 0: the SR bit.</summary>
    public byte Sr => (byte)Mat.Numeric("DataSourceSR").ScalarInt32;

    /// <summary>Formats 2–4: the CSI part 1 bits of slot <paramref name="slot"/> (the MATLAB data source pattern, continued from slot to slot).</summary>
    public byte[] Payload(int slot, int length)
    {
        byte[] pattern = Configuration.Format == PucchFormat.Format4 ? s_pattern0011 : s_pattern1010;
        var bits = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bits[i] = pattern[(int)(((long)slot * length + i) % pattern.Length)];
        }

        return bits;
    }

    private static PucchGroupHopping ParseGroupHopping(string text) => text.ToLowerInvariant() switch
    {
        "enable" => PucchGroupHopping.Enable,
        "disable" => PucchGroupHopping.Disable,
        _ => PucchGroupHopping.Neither,
    };

    private static string Text(MatFile mat, string name) => ((MatCharArray)mat[name]).Text.Trim();
}
