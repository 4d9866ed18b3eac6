import { describe, expect, it } from "vitest";
import { tryAgainIn, waitInWords } from "@/lib/http/try-again";

describe("tryAgainIn", () => {
  it("speaks in seconds below a minute, minutes up to two hours, hours beyond", () => {
    expect(tryAgainIn(3480)).toBe("Try again in 58 minutes.");
    expect(tryAgainIn(3599)).toBe("Try again in 60 minutes.");
    expect(waitInWords(61)).toBe("2 minutes");
    expect(waitInWords(60)).toBe("1 minute");
    expect(waitInWords(1)).toBe("1 second");
    expect(waitInWords(0)).toBe("1 second");
    expect(waitInWords(45.2)).toBe("46 seconds");
    expect(waitInWords(3 * 3600)).toBe("3 hours");
  });
});
