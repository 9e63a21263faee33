using System.Globalization;
using Microsoft.AspNetCore.Http;
using MLOps.Core.Audit;
using MLOps.Core.Security;

namespace MLOps.Triggers.Http;

/// <summary><c>GET /api/audit</c> lists records; <c>GET /api/audit/verify</c> walks the hash chain.</summary>
public sealed class AuditHttpApi(IAuditLog audit, RequestGuard guard)
{
    public async Task<IResult> ListAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ReadAudit, out _, out IResult? denied))
        {
            return denied;
        }

        long after = 0;
        int take = 100;
        if ((request.Query.TryGetValue("after", out var afterText) && !long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            || (request.Query.TryGetValue("take", out var takeText) && (!int.TryParse(takeText, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > 1000)))
        {
            return Problems.BadRequest("'after' must be a record number and 'take' a whole number from 1 to 1000.");
        }

        var records = new List<AuditRecord>();
        await foreach (AuditRecord record in audit.ReadAsync(after, request.HttpContext.RequestAborted))
        {
            records.Add(record);
            if (records.Count == take)
            {
                break;
            }
        }

        return Results.Ok(records);
    }

    public async Task<IResult> VerifyAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.VerifyAudit, out _, out IResult? denied))
        {
            return denied;
        }

        return Results.Ok(await audit.VerifyAsync(request.HttpContext.RequestAborted));
    }
}
