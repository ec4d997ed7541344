using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.TestModels;
using OpenRan.Phy.Upper.Channels.Downlink;

namespace OpenRan.Cli.Commands;

/// <summary>
/// The options that name a TS 38.141-1 test model (<c>--model --bandwidth-mhz --scs-khz --duplex --cell-id --data</c>),
/// shared by <c>openran generate tm</c> and <c>openran analyze</c>, and the tag <c>generate</c> writes into a recording's
/// description so that <c>analyze</c> finds the model without them.
/// </summary>
internal sealed partial class TestModelOptions
{
    private static readonly string[] s_names = [.. NrTestModels.All.Select(m => m.Name())];
    private static readonly string s_valid = $"{string.Join(", ", s_names)} (or short: TM3.1a, 3.1a)";

    private readonly Option<string> _model;
    private readonly Option<int> _bandwidth = CliOption.Integer("--bandwidth-mhz", "FR1 channel bandwidth in MHz (TS 38.104 Table 5.3.2-1 at the spacing)", 5, 100, 20);
    private readonly Option<string> _scs = CliOption.Choice("--scs-khz", "Subcarrier spacing in kHz", ["15", "30", "60"], "30");
    private readonly Option<string> _duplex = CliOption.Choice("--duplex", "Duplex mode (TDD: the pattern of TS 38.141-1 Table 4.9.2.2-1)", ["fdd", "tdd"], "fdd");
    private readonly Option<int> _cell = CliOption.Integer("--cell-id", "N_ID^cell", 0, NrConstants.MaxCellId, 1);
    private readonly Option<string> _data = CliOption.Choice("--data", "Payload: the specification's PN23, or MATLAB hNRReferenceWaveformGenerator's coded patterns", ["pn23", "matlab"], "pn23");

    public TestModelOptions(bool modelRequired)
    {
        _model = new Option<string>("--model")
        {
            Description = $"TS 38.141-1 §4.9.2 test model ({s_valid}).",
            Required = modelRequired,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
                try
                {
                    return NrTestModels.Parse(text).Name();
                }
                catch (ArgumentException)
                {
                    result.AddError(CliOption.InvalidValue("--model", text, s_valid));
                    return "";
                }
            },
        };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_model);
        command.Options.Add(_bandwidth);
        command.Options.Add(_scs);
        command.Options.Add(_duplex);
        command.Options.Add(_cell);
        command.Options.Add(_data);
    }

    /// <summary>Whether <c>--model</c> was given.</summary>
    public bool HasModel(ParseResult parse) => parse.GetResult(_model) is not null;

    /// <summary>The model the options name, with the tag that describes it.</summary>
    /// <exception cref="ArgumentException">The bandwidth does not exist at the spacing (names the option).</exception>
    public (DownlinkWaveformConfiguration Waveform, string Tag) Create(ParseResult parse) => Create(
        parse.GetValue(_model)!, parse.GetValue(_bandwidth), int.Parse(parse.GetValue(_scs)!, CultureInfo.InvariantCulture), parse.GetValue(_duplex)!,
        parse.GetValue(_cell), parse.GetValue(_data)!);

    /// <summary>The model of a tag written by <see cref="Create(ParseResult)"/>, or null when <paramref name="text"/> holds none.</summary>
    public static (DownlinkWaveformConfiguration Waveform, string Tag)? FromTag(string? text)
    {
        Match m = TagPattern().Match(text ?? "");
        if (!m.Success)
        {
            return null;
        }

        return Create(m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
            m.Groups[4].Value, int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture), m.Groups[6].Value);
    }

    private static (DownlinkWaveformConfiguration Waveform, string Tag) Create(string model, int bandwidthMhz, int scsKhz, string duplex, int cell, string data)
    {
        if (Ts38101Table5_3_2_1.TryGetMaxRbCount(FrequencyRange.Fr1, bandwidthMhz, scsKhz) is null)
        {
            throw new ArgumentException($"--bandwidth-mhz = {bandwidthMhz} is not valid at --scs-khz {scsKhz}; valid: the FR1 channel bandwidths of TS 38.104 Table 5.3.2-1 at {scsKhz} kHz.");
        }

        DownlinkWaveformConfiguration waveform = NrTestModelFactory.Create(
            NrTestModels.Parse(model), bandwidthMhz, scsKhz, duplex == "tdd" ? DuplexMode.Tdd : DuplexMode.Fdd, cell,
            data == "matlab" ? NrTestModelData.MatlabPattern : NrTestModelData.Pn23);
        string tag = string.Create(CultureInfo.InvariantCulture, $"[openran-tm model={NrTestModels.Parse(model).Name()} bw={bandwidthMhz} scs={scsKhz} duplex={duplex} cell={cell} data={data}]");
        return (waveform, tag);
    }

    [GeneratedRegex(@"\[openran-tm model=(\S+) bw=(\d+) scs=(\d+) duplex=(fdd|tdd) cell=(\d+) data=(pn23|matlab)\]")]
    private static partial Regex TagPattern();
}
