import { expect, test } from "vitest";
import { can } from "./permissions";

test("without a permissions list, the roles decide: admins and agents close customers' accounts", () => {
  expect(can({ roles: ["admin"] }, "customer-accounts:close")).toBe(true);
  expect(can({ roles: ["agent"] }, "customer-accounts:close")).toBe(true);
  expect(can({ roles: ["salesperson"] }, "customer-accounts:close")).toBe(false);
  expect(can({ roles: ["client"] }, "customer-accounts:close")).toBe(false);
  expect(can({ roles: [] }, "customer-accounts:close")).toBe(false);
});

test("…and only admins manage staff users; several roles add up", () => {
  expect(can({ roles: ["admin"] }, "staff-users:manage")).toBe(true);
  expect(can({ roles: ["agent"] }, "staff-users:manage")).toBe(false);
  expect(can({ roles: ["salesperson", "agent"] }, "customer-accounts:close")).toBe(true);
  expect(can({ roles: ["salesperson", "agent"] }, "clients:read")).toBe(true);
});

test("a permissions list from /me wins over the roles, both ways", () => {
  expect(can({ roles: ["agent"], permissions: ["clients:read"] }, "customer-accounts:close")).toBe(false);
  expect(can({ roles: ["salesperson"], permissions: ["customer-accounts:close"] }, "customer-accounts:close"))
    .toBe(true);
  expect(can({ roles: ["admin"], permissions: [] }, "audit:read")).toBe(false);
});

test("a null or missing list falls back to the roles", () => {
  expect(can({ roles: ["agent"], permissions: null }, "customer-accounts:close")).toBe(true);
  expect(can({ roles: ["agent"], permissions: undefined }, "customer-accounts:close")).toBe(true);
});

test("an unknown role grants nothing", () => {
  expect(can({ roles: ["quick-access"] }, "clients:read")).toBe(false);
});
