import { api } from "./api";
import { startApp } from "./app";

void startApp(document, api);
