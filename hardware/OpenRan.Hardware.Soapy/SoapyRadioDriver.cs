using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using OpenRan.Radio;

namespace OpenRan.Hardware.Soapy;

/// <summary>
/// The <c>soapy</c> driver: any SoapySDR device (USRP B2xx via <c>driver=uhd</c>, bladeRF, LimeSDR via
/// <c>driver=lime</c>, HackRF). Arguments are passed to SoapySDR unchanged.
/// </summary>
public sealed partial class SoapyRadioDriver : IRadioDriver
{
    /// <inheritdoc />
    public string Name => "soapy";

    /// <inheritdoc />
    public string Description => "SoapySDR devices (USRP B2xx, bladeRF, LimeSDR, HackRF through their Soapy modules)";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments { get; } =
    [
        new("driver", "Soapy module: uhd | bladerf | lime | hackrf | … (any other key=value is passed to SoapySDR as a device argument)"),
        new("serial", "device serial number"),
    ];

    /// <inheritdoc />
    public bool IsAvailable(out string reason) => SoapyLibrary.IsAvailable(out reason);

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (string key in arguments.Keys)
        {
            if (!KeyPattern().IsMatch(key))
            {
                throw new RadioArgumentException(key, $"SoapySDR argument key '{key}' is not valid; valid: letters, digits and '_' (for example driver=uhd,serial=…).");
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<RadioDeviceInfo> Find(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!IsAvailable(out _))
        {
            return [];
        }

        var found = new List<RadioDeviceInfo>();
        foreach (IReadOnlyDictionary<string, string> kwargs in SoapyDevice.Enumerate(arguments.ToString()))
        {
            var pairs = new List<string>();
            foreach ((string k, string v) in kwargs)
            {
                pairs.Add($"{k}={v}");
            }

            string joined = string.Join(',', pairs);
            found.Add(new RadioDeviceInfo(Name, kwargs.TryGetValue("label", out string? label) ? label : joined, joined));
        }

        return found;
    }

    /// <inheritdoc />
    public IRadio Open(RadioArguments arguments)
    {
        Validate(arguments);
        return new SoapyRadio(SoapyDevice.Make(arguments.ToString()));
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex KeyPattern();
}
