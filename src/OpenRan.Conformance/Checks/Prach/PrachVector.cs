using System;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Conformance.Checks.Prach;

/// <summary>
/// One MATLAB 5G Toolbox PRACH case of <c>py5gphy_matlab/prach/prach</c> (README §4): carrier (carrier_scs, NSizeGrid,
/// 30.72 Msps), PRACH fields (ConfigurationIndex, DuplexMode, msg1_SubcarrierSpacing, SequenceIndex, ZeroCorrelationZone,
/// FrequencyStart, msg1-FDM 4 as generated), the occasion (one of prach_subframes, ActivePRACHSlot, TimeIndex,
/// FrequencyIndex), PreambleIndex, and the outputs prachSymbols_out, prachGrid_out and waveform (one ms from the start of
/// the active PRACH slot).
/// </summary>
internal sealed class PrachVector
{
    /// <summary>The sample rate of every waveform in the folder.</summary>
    public const double SampleRateHz = 30.72e6;

    private PrachVector(MatFile file)
    {
        int Scalar(string name) => file.Numeric(name).ScalarInt32;
        int sequenceLength = Scalar("LRA");
        var numerology = Numerology.FromSubcarrierSpacingKhz(Scalar("carrier_scs"));
        string duplex = file["DuplexMode"] is MatCharArray text ? text.Text.Trim() : "";
        Parameters = new PrachParameters
        {
            DuplexMode = duplex == "TDD" ? DuplexMode.Tdd : duplex == "FDD" ? DuplexMode.Fdd : throw new FormatException($"DuplexMode '{duplex}' is neither FDD nor TDD"),
            ConfigurationIndex = Scalar("ConfigurationIndex"),
            Msg1SubcarrierSpacingKhz = sequenceLength == 139 ? Scalar("msg1_SubcarrierSpacing") : null,
            PuschNumerology = numerology,
            NSizeGrid = Scalar("NSizeGrid"),
            RootSequenceIndex = Scalar("SequenceIndex"),
            ZeroCorrelationZoneConfig = Scalar("ZeroCorrelationZone"),
            Msg1FrequencyStart = Scalar("FrequencyStart"),
            Msg1Fdm = 4,
        };
        SequenceLength = sequenceLength;
        PreambleIndex = Scalar("PreambleIndex");
        FrequencyIndex = Scalar("FrequencyIndex");
        TimeIndex = Scalar("TimeIndex");
        PrachSlot = Scalar("ActivePRACHSlot");
        Subframe = (int)file.Numeric("prach_subframes").Real[0];
        Symbols = file.Numeric("prachSymbols_out").ToComplexArray();
        MatNumericArray grid = file.Numeric("prachGrid_out");
        GridRows = grid.Rows;
        GridColumns = grid.Columns;
        Grid = grid.ToComplexArray();
        Waveform = file.Numeric("waveform").ToComplexArray();
        CarrierFftSize = (int)Math.Round(SampleRateHz / numerology.SubcarrierSpacingHz);
    }

    public PrachParameters Parameters { get; }

    public int SequenceLength { get; }

    public int PreambleIndex { get; }

    public int FrequencyIndex { get; }

    public int TimeIndex { get; }

    public int PrachSlot { get; }

    public int Subframe { get; }

    public Complex[] Symbols { get; }

    /// <summary>prachGrid_out, column-major (MATLAB order): element (row, column) at row + column·rows.</summary>
    public Complex[] Grid { get; }

    public int GridRows { get; }

    public int GridColumns { get; }

    public Complex[] Waveform { get; }

    public int CarrierFftSize { get; }

    public static PrachVector Load(string path) => new(MatFile.Load(path));

    /// <summary>A short description for reports.</summary>
    public string Describe(PrachConfiguration configuration) =>
        FormattableString.Invariant($"config {Parameters.ConfigurationIndex} {Parameters.DuplexMode}, {configuration.Format}, carrier {Parameters.PuschNumerology.SubcarrierSpacingKhz} kHz × {Parameters.NSizeGrid} RB, root {Parameters.RootSequenceIndex}, zcz {Parameters.ZeroCorrelationZoneConfig} (N_CS {configuration.NCs}), preamble {PreambleIndex}, n_t {TimeIndex}, n_slot {PrachSlot}, n_RA {FrequencyIndex}");
}
