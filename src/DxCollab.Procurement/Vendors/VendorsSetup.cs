using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.Vendors;

/// <summary>Vendor Q&A during RFI/RFP and the matrix of RFI answers: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class VendorsSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<VendorQuestionService>();
        module.Services.AddScoped<RfiService>();
        module.AddDemoData<VendorDemoData>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapVendorApi().MapRfiApi();
}
