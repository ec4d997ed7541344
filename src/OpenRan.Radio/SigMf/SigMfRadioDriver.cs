using System;
using System.Collections.Generic;
using System.IO;

namespace OpenRan.Radio.SigMf;

/// <summary>The <c>file</c> driver: SigMF replay on the receive stream and recording of the transmit stream.</summary>
public sealed class SigMfRadioDriver : IRadioDriver
{
    /// <inheritdoc />
    public string Name => "file";

    /// <inheritdoc />
    public string Description => "SigMF recordings: the receive stream replays one, the transmit stream records one";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments { get; } =
    [
        new("rx", "recording to replay (BASE, BASE.sigmf-meta or BASE.sigmf-data)"),
        new("tx", "recording the transmit stream writes (overwritten)"),
        new("datatype", $"datatype recorded: {SigMfDatatypes.Supported} (default cf32_le)"),
        new("loop", "replay restarts at the end: true | false (default false)"),
        new("realtime", "replay paced at the sample rate, overflowing like hardware: true | false (default false: as fast as read)"),
    ];

    /// <inheritdoc />
    public bool IsAvailable(out string reason)
    {
        reason = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.ThrowIfUnknown(Name, Arguments);
        if (arguments["rx"] is null && arguments["tx"] is null)
        {
            throw new RadioArgumentException("rx", "the file driver needs rx=RECORDING to replay, tx=RECORDING to record, or both.");
        }

        if (arguments["rx"] is string rx && !File.Exists(SigMfMetadata.MetaPath(rx)))
        {
            throw new RadioArgumentException("rx", $"radio argument rx={rx}: '{SigMfMetadata.MetaPath(rx)}' does not exist.");
        }

        string datatype = arguments.GetString("datatype", "cf32_le");
        if (!SigMfDatatypes.TryParse(datatype, out _))
        {
            throw new RadioArgumentException("datatype", $"radio argument datatype={datatype} is not valid; valid: {SigMfDatatypes.Supported}.");
        }

        _ = arguments.GetBoolean("loop", false);
        _ = arguments.GetBoolean("realtime", false);
    }

    /// <inheritdoc />
    public IReadOnlyList<RadioDeviceInfo> Find(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments["rx"] is null && arguments["tx"] is null ? [] : [new RadioDeviceInfo(Name, "SigMF file radio", arguments.ToString())];
    }

    /// <inheritdoc />
    public IRadio Open(RadioArguments arguments)
    {
        Validate(arguments);
        SigMfDatatypes.TryParse(arguments.GetString("datatype", "cf32_le"), out SigMfDatatype datatype);
        return new SigMfRadio(arguments["rx"], arguments["tx"], datatype, arguments.GetBoolean("loop", false), arguments.GetBoolean("realtime", false));
    }
}
