using System;
using System.Linq;
using System.Numerics;
using OpenRan.Conformance.Checks;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Conformance.Cases;

/// <summary>
/// One MATLAB 5G Toolbox PDSCH vector of <c>py5gphy_matlab/pdsch/*</c> (README §4): the configuration rebuilt as a
/// <see cref="PdschConfiguration"/> and the per-slot reference arrays.
/// </summary>
/// <remarks>
/// Conventions of the dataset: PCI (N_ID^cell) 1 and DM-RS NIDNSCID 1 (README §4), DM-RS ports 0..υ−1, BWP = carrier,
/// CRB 0 at grid subcarrier 0; the carrier width is taken from the shape of <c>fd_slot_data</c> (slots·14·K columns).
/// PRBSet values are 0-based PRB indices relative to the BWP.
/// </remarks>
public sealed class MatlabPdschCase
{
    /// <summary>N_ID^cell of every PDSCH vector (README §4).</summary>
    public const int CellId = 1;

    /// <summary>The DM-RS scrambling identity NIDNSCID of every PDSCH vector (README §4).</summary>
    public const int DmrsScramblingId = 1;

    private MatlabPdschCase(MatFile mat, PdschConfiguration configuration, int slots, int subcarriers)
    {
        Mat = mat;
        Configuration = configuration;
        SlotCount = slots;
        SubcarrierCount = subcarriers;
    }

    /// <summary>The file.</summary>
    public MatFile Mat { get; }

    /// <summary>The configuration rebuilt from the file's fields.</summary>
    public PdschConfiguration Configuration { get; }

    /// <summary>Number of slots in the vector.</summary>
    public int SlotCount { get; }

    /// <summary>K = 12·N_RB of the carrier grid.</summary>
    public int SubcarrierCount { get; }

    /// <summary>Loads a vector and rebuilds its configuration.</summary>
    public static MatlabPdschCase Load(string path)
    {
        MatFile mat = MatFile.Load(path);
        int scs = mat.Numeric("scs").ScalarInt32;
        int numerology = scs switch
        {
            15 => 0,
            30 => 1,
            60 => 2,
            120 => 3,
            _ => throw new InvalidOperationException($"{path}: subcarrier spacing {scs} kHz"),
        };
        int slots = mat.Numeric("rv_out").Count;
        int layers = mat.Numeric("NumLayers").ScalarInt32;
        MatNumericArray grid = mat.Numeric("fd_slot_data");
        int k = grid.Columns / (slots * 14);
        int[] symbols = mat.Numeric("SymbolAllocation").ToInt32Array();
        string mapping = ((MatCharArray)mat["MappingType"]).Text;
        var dmrs = new DmrsConfiguration
        {
            ConfigurationType = (DmrsConfigurationType)mat.Numeric("DMRSConfigurationType").ScalarInt32,
            Length = mat.Numeric("DMRSLength").ScalarInt32,
            AdditionalPosition = mat.Numeric("DMRSAdditionalPosition").ScalarInt32,
            TypeAPosition = mat.Numeric("DMRSTypeAPosition").ScalarInt32,
            CdmGroupsWithoutData = mat.Numeric("NumCDMGroupsWithoutData").ScalarInt32,
            NScid = mat.Numeric("NSCID").ScalarInt32,
            ScramblingId0 = DmrsScramblingId,
            ScramblingId1 = DmrsScramblingId,
            Ports = [.. Enumerable.Range(0, layers)],
        };
        var configuration = new PdschConfiguration
        {
            Numerology = numerology,
            NSizeGrid = k / 12,
            NIdCell = CellId,
            NSizeBwp = k / 12,
            PrbSet = mat.Numeric("PRBSet").ToInt32Array(),
            StartSymbol = symbols[0],
            SymbolCount = symbols[1],
            MappingType = mapping == "B" ? SchMappingType.B : SchMappingType.A,
            Modulation = ModulationMapperCheck.ParseScheme(((MatCharArray)mat["Modulation"]).Text, path),
            LayerCount = layers,
            NRnti = mat.Numeric("RNTI").ScalarInt32,
            NId = mat.Numeric("NID").ScalarInt32,
            Dmrs = dmrs,
            TargetCodeRate = mat.Numeric("TargetCodeRateby1024").ScalarDouble / 1024,
            TransportBlockSize = mat.Numeric("trblk_out").Count,
            LimitedBuffer = LimitedBufferRateMatching.FromReferenceLength(SharedChannelEncodeCheck.MatlabDlschReferenceLength),
        };
        return new MatlabPdschCase(mat, configuration, slots, k);
    }

    /// <summary>G of slot <paramref name="slot"/>.</summary>
    public int CodewordLength(int slot) => (int)Mat.Numeric("G_out").Real[slot];

    /// <summary>The rate-matched codeword of slot <paramref name="slot"/> (<c>RM_out</c> row, first G bits).</summary>
    public byte[] Codeword(int slot)
    {
        double[] row = Mat.Numeric("RM_out").RowReal(slot);
        return [.. row.Take(CodewordLength(slot)).Select(b => (byte)b)];
    }

    /// <summary>The layer-mapped symbols of layer <paramref name="layer"/> in slot <paramref name="slot"/> (<c>layermap_out</c> row s·υ + v).</summary>
    public Complex[] LayerSymbols(int slot, int layer)
    {
        int perLayer = CodewordLength(slot) / (Configuration.LayerCount * Configuration.Modulation.BitsPerSymbol());
        return [.. Mat.Numeric("layermap_out").RowComplex((slot * Configuration.LayerCount) + layer).Take(perLayer)];
    }

    /// <summary>The grid of layer <paramref name="layer"/> in slot <paramref name="slot"/>, symbol-major (14·K values).</summary>
    public Complex[] Grid(int slot, int layer)
    {
        int perSlot = 14 * SubcarrierCount;
        return [.. Mat.Numeric("fd_slot_data").RowComplex(layer).Skip(slot * perSlot).Take(perSlot)];
    }

    /// <summary>The transport block bits.</summary>
    public byte[] TransportBlock => Mat.Numeric("trblk_out").ToBits();

    /// <summary>The redundancy version of slot <paramref name="slot"/>.</summary>
    public int RedundancyVersion(int slot) => (int)Mat.Numeric("rv_out").Real[slot];

    /// <summary>
    /// The documented DM-RS amplitude conversion of this dataset (README §4 "PDSCH DMRS amplitude"): MATLAB scales the
    /// DM-RS by 10^(−x/20) with x the DM-RS-to-data EPRE ratio of TS 38.214 Table 4.1-1 in dB as printed (0, 3, 4.77 for
    /// 1, 2, 3 CDM groups without data), where the product uses β_DMRS = √(CDM groups without data) (the exact power
    /// ratio, as Sionna and the Sionna PUSCH grids do). A DM-RS element of the product's grid times this factor equals
    /// the file's.
    /// </summary>
    public float DmrsScaleToMatlab
    {
        get
        {
            double db = Configuration.Dmrs.CdmGroupsWithoutData switch
            {
                1 => 0,
                2 => 3,
                _ => 4.77,
            };
            return (float)(Math.Pow(10, -db / 20) / Configuration.Dmrs.Beta);
        }
    }
}
