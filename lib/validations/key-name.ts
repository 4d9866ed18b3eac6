// A key's name: the key schemas and the dashboard's key form (a client module: no server imports here).
import { z } from "zod";

export const keyNameSchema = z.string().trim().min(1, "Name cannot be empty").max(100, "Name is at most 100 characters");
