using System;
using OpenRan.Hardware.Soapy;
using OpenRan.Radio;

namespace OpenRan.Hardware.Tests.Soapy;

public class SoapyTests
{
    [Fact]
    public void Binding_EnumeratesAndMakesBuiltInNullDevice()
    {
        if (!SoapyLibrary.IsAvailable(out string reason))
        {
            Assert.Skip(reason);
        }

        var devices = SoapyDevice.Enumerate("type=null");
        Assert.Contains(devices, d => d.TryGetValue("driver", out string? driver) && driver == "null");
        using SoapyDevice device = SoapyDevice.Make("type=null");
        Assert.Equal("null", device.DriverKey);
        Assert.Equal("null", device.HardwareKey);
        Assert.Equal(0, device.ChannelCount(StreamDirection.Receive));
    }

    [Fact]
    public void Make_UnknownDevice_ThrowsWithSoapyError()
    {
        if (!SoapyLibrary.IsAvailable(out string reason))
        {
            Assert.Skip(reason);
        }

        var ex = Assert.Throws<SoapyException>(() => SoapyDevice.Make("driver=openran_no_such_module"));
        Assert.Contains("openran_no_such_module", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Driver_NullDevice_OpensRadioWithoutChannels()
    {
        var driver = new SoapyRadioDriver();
        if (!driver.IsAvailable(out string reason))
        {
            Assert.Skip(reason);
        }

        Assert.Contains(driver.Find(RadioArguments.Parse("type=null")), d => d.Arguments.Contains("driver=null", StringComparison.Ordinal));
        using IRadio radio = driver.Open(RadioArguments.Parse("type=null"));
        Assert.Equal(0, radio.Capabilities.MaxRxChannelCount);
        Assert.ThrowsAny<ArgumentException>(() => radio.Configure(new RadioConfiguration()));
        Assert.Throws<RadioArgumentException>(() => driver.Validate(RadioArguments.Parse("bad-key=1")));
    }
}
