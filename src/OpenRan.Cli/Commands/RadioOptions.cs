using System;
using System.CommandLine;
using System.Globalization;
using OpenRan.Radio;

namespace OpenRan.Cli.Commands;

/// <summary>The options every radio subcommand shares, bound to a <see cref="RadioConfiguration"/>.</summary>
internal sealed class RadioOptions(string defaultDriver)
{
    private readonly Option<string> _driver = new("--driver", "-d") { Description = "Driver: zmq | file | loopback | soapy | hackrf (see 'openran radio list').", DefaultValueFactory = _ => defaultDriver };
    private readonly Option<string> _args = new("--args", "-a") { Description = "Driver arguments key=value,… (e.g. tx_port=tcp://*:2000,rx_port=tcp://localhost:2001)." };
    private readonly Option<double> _rate = new("--rate") { Description = "Sample rate in Hz.", DefaultValueFactory = _ => 1.92e6 };
    private readonly Option<double> _frequency = new("--freq") { Description = "Centre frequency in Hz (both directions).", DefaultValueFactory = _ => 2.4e9 };
    private readonly Option<double> _rxGain = new("--rx-gain") { Description = "Receive gain in dB.", DefaultValueFactory = _ => 0 };
    private readonly Option<double> _txGain = new("--tx-gain") { Description = "Transmit gain in dB.", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _channels = new("--channels") { Description = "Channels (1..64).", DefaultValueFactory = _ => 1 };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Stream timeout in seconds (0.001..3600).", DefaultValueFactory = _ => 2 };

    public void AddTo(Command command)
    {
        command.Options.Add(_driver);
        command.Options.Add(_args);
        command.Options.Add(_rate);
        command.Options.Add(_frequency);
        command.Options.Add(_rxGain);
        command.Options.Add(_txGain);
        command.Options.Add(_channels);
        command.Options.Add(_timeout);
    }

    public static double Check(string name, double value, double minimum, double maximum)
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} = {value} is out of range; valid: {minimum}..{maximum}."));
        }

        return value;
    }

    public RadioConfiguration Configuration(ParseResult parse, int? rxChannels, int? txChannels)
    {
        int channels = (int)Check("--channels", parse.GetValue(_channels), 1, 64);
        return new RadioConfiguration
        {
            SampleRateHz = Check("--rate", parse.GetValue(_rate), 1, 1e10),
            RxCenterFrequencyHz = Check("--freq", parse.GetValue(_frequency), 0, 1e12),
            TxCenterFrequencyHz = parse.GetValue(_frequency),
            RxGainDb = Check("--rx-gain", parse.GetValue(_rxGain), -200, 200),
            TxGainDb = Check("--tx-gain", parse.GetValue(_txGain), -200, 200),
            RxChannelCount = rxChannels ?? channels,
            TxChannelCount = txChannels ?? channels,
            StreamTimeout = TimeSpan.FromSeconds(Check("--timeout", parse.GetValue(_timeout), 0.001, 3600)),
        };
    }

    public IRadio Open(ParseResult parse) =>
        RadioCommand.CreateFactory().Open(parse.GetValue(_driver)!, RadioArguments.Parse(parse.GetValue(_args)));
}
