using System;
using OpenRan.Radio;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// The radio of a cell: the driver and its arguments (from the configuration, or the command line's
/// <c>--driver</c>/<c>--args</c>), checked against a <see cref="RadioFactory"/>, and the <see cref="RadioConfiguration"/>
/// the cell needs (rate, centre frequencies, gains, channels, time alignment).
/// </summary>
public sealed class RadioSetup
{
    private RadioSetup(string driver, RadioArguments arguments, RadioConfiguration configuration)
    {
        Driver = driver;
        Arguments = arguments;
        Configuration = configuration;
    }

    /// <summary>The driver name.</summary>
    public string Driver { get; }

    /// <summary>The driver arguments.</summary>
    public RadioArguments Arguments { get; }

    /// <summary>The configuration the radio is configured with.</summary>
    public RadioConfiguration Configuration { get; }

    /// <summary>
    /// Opens the radio through <paramref name="factory"/> and configures it, with as many receive and transmit channels as
    /// the cell has antennas and the device offers (a file radio that only records has no receiver).
    /// </summary>
    public IRadio Open(RadioFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        IRadio radio = factory.Open(Driver, Arguments);
        try
        {
            CheckChannels("antennas.tx", "transmit", Configuration.TxChannelCount, radio.Capabilities.MaxTxChannelCount);
            CheckChannels("antennas.rx", "receive", Configuration.RxChannelCount, radio.Capabilities.MaxRxChannelCount);
            RadioConfiguration c = Configuration with
            {
                RxChannelCount = Math.Min(Configuration.RxChannelCount, radio.Capabilities.MaxRxChannelCount),
                TxChannelCount = Math.Min(Configuration.TxChannelCount, radio.Capabilities.MaxTxChannelCount),
            };
            if (c.RxChannelCount > 0 && c.TxChannelCount > 0 && !radio.Capabilities.FullDuplex)
            {
                c = c with { RxChannelCount = 0 };
            }

            radio.Configure(c);
            return radio;
        }
        catch
        {
            radio.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A radio that offers some channels of a direction but fewer than the cell's antennas cannot carry the cell (a radio
    /// with none, such as a file radio that only records, simply leaves that direction out).
    /// </summary>
    private void CheckChannels(string key, string direction, int wanted, int offered)
    {
        if (offered > 0 && offered < wanted)
        {
            throw new ConfigurationException($"radio {Driver}", key,
                $"{wanted} {direction} antennas, but the radio offers {offered} {direction} channel(s); valid: 1..{offered} with this radio, or a radio with {wanted} channels (e.g. channels={wanted} for the loopback and ZMQ drivers).");
        }
    }

    /// <summary>
    /// Checks the driver and arguments (<paramref name="driverOverride"/> and <paramref name="argsOverride"/> replace the
    /// configuration's when given) and builds the radio configuration of <paramref name="cell"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">Unknown driver (naming the valid ones) or invalid arguments.</exception>
    public static RadioSetup Create(CellSetup cell, RadioFactory factory, string? driverOverride = null, string? argsOverride = null) =>
        Create(cell, factory, driverOverride, argsOverride, ue: false);

    /// <summary>
    /// The radio of the phy-test UE of <paramref name="cell"/> (<c>openran ue</c>): one channel each way, receiving at the
    /// downlink centre and transmitting at the uplink centre, at the cell's sample rate; the driver and arguments are the
    /// UE's (errors name <c>--driver</c>/<c>--args</c>).
    /// </summary>
    /// <exception cref="ConfigurationException">Unknown driver (naming the valid ones) or invalid arguments.</exception>
    public static RadioSetup CreateForUe(CellSetup cell, RadioFactory factory, string driver, string args) =>
        Create(cell, factory, driver, args, ue: true);

    private static RadioSetup Create(CellSetup cell, RadioFactory factory, string? driverOverride, string? argsOverride, bool ue)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(factory);
        RadioOptions r = cell.Options.Radio;
        string driverName = driverOverride ?? r.Driver;
        IRadioDriver driver;
        try
        {
            driver = factory.Get(driverName);
        }
        catch (ArgumentException e)
        {
            throw driverOverride is null
                ? cell.Options.Source.Error("radio.driver", Clean(e.Message))
                : new ConfigurationException("--driver", "radio.driver", Clean(e.Message));
        }

        RadioArguments arguments;
        try
        {
            arguments = RadioArguments.Parse(argsOverride ?? r.Args);
            driver.Validate(arguments);
        }
        catch (ArgumentException e)
        {
            throw argsOverride is null
                ? cell.Options.Source.Error("radio.args", Clean(e.Message))
                : new ConfigurationException("--args", "radio.args", Clean(e.Message));
        }

        var configuration = new RadioConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            TxCenterFrequencyHz = ue ? cell.UplinkCenterHz : cell.DownlinkCenterHz,
            RxCenterFrequencyHz = ue ? cell.DownlinkCenterHz : cell.UplinkCenterHz,
            TxGainDb = r.TxGainDb,
            RxGainDb = r.RxGainDb,
            TxChannelCount = ue ? 1 : cell.Options.Antennas.Tx,
            RxChannelCount = ue ? 1 : cell.Options.Antennas.Rx,
            StreamFormat = SampleFormat.ComplexF32,
            BlockSampleCount = Math.Clamp(cell.Timing.MaxSlotSampleCount / 4, 1024, 65536),
            RingBlockCount = 256,
            TimeAlignment = r.TxTimeAdvanceSamples == 0 ? [] : [new TimeAlignmentOffset(cell.SampleRateHz, r.TxTimeAdvanceSamples)],
        };
        return new RadioSetup(driverName, arguments, configuration);
    }

    private static string Clean(string message)
    {
        int index = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }
}
