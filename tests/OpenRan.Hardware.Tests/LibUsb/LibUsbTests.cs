using System;
using OpenRan.Hardware.HackRf;
using OpenRan.Hardware.LibUsb;

namespace OpenRan.Hardware.Tests.LibUsb;

public class LibUsbTests
{
    [Fact]
    public void Context_LoadsLibraryAndEnumeratesBus()
    {
        if (!LibUsbLibrary.IsAvailable(out string reason))
        {
            Assert.Skip(reason);
        }

        using LibUsbContext context = LibUsbContext.Create();
        var devices = context.ListDevices();
        foreach (UsbDeviceInfo d in devices)
        {
            Assert.True(d.Bus > 0 || d.Address >= 0);
        }

        Assert.Empty(context.ListDevices(0xFFFF, 0xFFFF));
        var ex = Assert.Throws<LibUsbException>(() => context.Open(0xFFFF, 0xFFFF));
        Assert.Equal(LibUsbError.NotFound, ex.ErrorCode);
        Assert.Contains("ffff:ffff", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HackRfDriver_NoDeviceAttached_FindsNoneAndOpenFailsClearly()
    {
        var driver = new HackRfRadioDriver();
        if (!driver.IsAvailable(out string reason))
        {
            Assert.Skip(reason);
        }

        using LibUsbContext context = LibUsbContext.Create();
        if (context.ListDevices(HackRfProtocol.VendorId, HackRfProtocol.HackRfOneProductId).Count > 0)
        {
            Assert.Skip("a real HackRF is attached; this test checks the no-device path.");
        }

        Assert.Empty(driver.Find(OpenRan.Radio.RadioArguments.Empty));
        var ex = Assert.Throws<LibUsbException>(() => driver.Open(OpenRan.Radio.RadioArguments.Empty));
        Assert.Contains("1d50:6089", ex.Message, StringComparison.Ordinal);
    }
}
